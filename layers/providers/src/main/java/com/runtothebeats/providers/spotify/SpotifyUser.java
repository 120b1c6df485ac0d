package com.runtothebeats.providers.spotify;

/** The signed-in Spotify user ({@code GET /v1/me}): {@code id} keys our link to them. */
public record SpotifyUser(String id, String displayName) {
}

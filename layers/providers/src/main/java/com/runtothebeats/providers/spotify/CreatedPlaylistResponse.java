package com.runtothebeats.providers.spotify;

/** What {@code POST /v1/me/playlists} answers that we keep: the playlist id and its open.spotify.com URL. */
public record CreatedPlaylistResponse(String id, String url) {
}

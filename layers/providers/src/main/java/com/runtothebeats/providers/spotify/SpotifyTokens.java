package com.runtothebeats.providers.spotify;

import java.time.Instant;

/** Tokens from Spotify's token endpoint. {@code refreshToken} is null when a refresh did not rotate it. */
public record SpotifyTokens(String accessToken, Instant expiresAt, String refreshToken, String scope) {

    /** Never prints a token. */
    @Override
    public String toString() {
        return "SpotifyTokens[expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}

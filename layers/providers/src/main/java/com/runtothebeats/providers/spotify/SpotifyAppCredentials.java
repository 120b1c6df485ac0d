package com.runtothebeats.providers.spotify;

import java.net.URI;

/**
 * Our Spotify app. The flow is authorization code with PKCE, which needs only the client id; when a client
 * secret is configured the token calls also authenticate the app with it (HTTP Basic).
 */
public record SpotifyAppCredentials(String clientId, String clientSecret, URI redirectUri) {

    public boolean hasSecret() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SpotifyAppCredentials[" + clientId + ", secret=" + (hasSecret() ? "set" : "none") + ", " + redirectUri + "]";
    }
}

package com.runtothebeats.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotifyEndpointsTest {

    @Test
    void spotifysHostsMoveToTheConfiguredBasesWithPathAndQueryKept() {
        SpotifyEndpoints endpoints = SpotifyEndpoints.fromEnvironment(LambdaEnvironment.of(Map.of(
                "SPOTIFY_API_BASE_URL", "http://127.0.0.1:8080/", "SPOTIFY_ACCOUNTS_BASE_URL", "http://127.0.0.1:9090/accounts")));

        assertEquals(URI.create("http://127.0.0.1:8080/v1/playlists/abc/items?limit=1"),
                endpoints.rewrite(URI.create("https://api.spotify.com:443/v1/playlists/abc/items?limit=1")));
        assertEquals(URI.create("http://127.0.0.1:9090/accounts/api/token"),
                endpoints.rewrite(URI.create("https://accounts.spotify.com:443/api/token")));
        assertEquals(URI.create("https://example.org/x"), endpoints.rewrite(URI.create("https://example.org/x")));
    }

    @Test
    void withoutConfigurationSpotifyItselfIsUsed() {
        SpotifyEndpoints endpoints = SpotifyEndpoints.fromEnvironment(LambdaEnvironment.of(Map.of()));
        assertEquals(URI.create("https://api.spotify.com/v1/me"), endpoints.rewrite(URI.create("https://api.spotify.com:443/v1/me")));
    }

    @Test
    void oauthErrorsLeadWithTheirCodeAndWebApiErrorsGiveTheirMessage() {
        assertEquals("invalid_grant: Refresh token revoked",
                SpotifyHttpTransport.errorMessage("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}"));
        assertEquals("The access token expired",
                SpotifyHttpTransport.errorMessage("{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}"));
        assertEquals("", SpotifyHttpTransport.errorMessage(null));
    }
}

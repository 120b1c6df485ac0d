package com.runtothebeats.providers.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;

/** {@code GET /v1/me} with {@code account_id}, against WireMock as Spotify. */
class SpotifyCurrentUserTest {

    WireMockServer server;
    SpotifyAuthorization authorization;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        authorization = new SpotifyAuthorization(
                new SpotifyAppCredentials("client-id", null, URI.create("http://127.0.0.1:3000/auth/spotify/callback")),
                new SpotifyHttpTransport(HttpClient.newHttpClient(), new SpotifyEndpoints(base, base), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-11-24T21:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    void me(int status, String body) {
        server.stubFor(get(urlPathEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theAccountIdIsReadAndKeysTheUser() {
        me(200, "{\"account_id\":\"7c1f0e2a-stable\",\"display_name\":\"Ada Runner\",\"id\":\"ada.runs\","
                + "\"type\":\"user\",\"uri\":\"spotify:user:ada.runs\",\"external_urls\":{},\"followers\":{\"total\":0}}");

        SpotifyUser user = authorization.currentUser("access-1");

        assertEquals(new SpotifyUser("ada.runs", "Ada Runner", "7c1f0e2a-stable"), user);
        assertTrue(user.hasAccountId());
        assertEquals("7c1f0e2a-stable", user.key());
    }

    @Test
    void withoutAnAccountIdTheUserIdIsTheKey() {
        me(200, "{\"display_name\":null,\"id\":\"ada.runs\",\"type\":\"user\",\"uri\":\"spotify:user:ada.runs\"}");

        SpotifyUser user = authorization.currentUser("access-1");

        assertNull(user.accountId());
        assertNull(user.displayName());
        assertFalse(user.hasAccountId());
        assertEquals("ada.runs", user.key());
        assertEquals("ada.runs", new SpotifyUser("ada.runs", null, " ").key(), "a blank account_id is none");
    }

    @Test
    void aRejectedTokenOrAProfileWithoutIdIsReportedAsUnavailable() {
        me(401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}");
        SpotifyUnavailableException rejected = assertThrows(SpotifyUnavailableException.class,
                () -> authorization.currentUser("access-1"));
        assertInstanceOf(UnauthorizedException.class, rejected.getCause(), "the library's error type is kept");

        server.resetAll();
        me(200, "{\"account_id\":\"7c1f0e2a-stable\",\"display_name\":\"Ada\"}");
        assertThrows(SpotifyUnavailableException.class, () -> authorization.currentUser("access-1"));
    }
}

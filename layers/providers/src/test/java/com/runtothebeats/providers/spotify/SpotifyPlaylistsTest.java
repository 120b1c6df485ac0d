package com.runtothebeats.providers.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.publishing.PlaylistDestination;
import com.runtothebeats.core.publishing.PlaylistDestination.CreatedPlaylist;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistMarker;
import com.runtothebeats.lambda.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Spotify destination's create and marker lookup against WireMock as Spotify (2026 shapes). */
class SpotifyPlaylistsTest {

    static final String RUNNER = "runner-1";
    static final String SPOTIFY_USER = "spotify-user-1";
    /** What the link is keyed by since account_id keying; never a playlist's owner.id. */
    static final String ACCOUNT_ID = "acc-7c1f0e2a";
    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");
    static final PlaylistMarker MARKER = PlaylistMarker.of(RUNNER, RUNNER + ":key-1");

    WireMockServer server;
    MemoryProviderLinks links;
    SpotifyPlaylists spotify;
    List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        SpotifyHttpTransport transport = new SpotifyHttpTransport(HttpClient.newHttpClient(), new SpotifyEndpoints(base, base),
                Duration.ofSeconds(5));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        links = new MemoryProviderLinks();
        connect("playlist-modify-private playlist-read-private");
        SpotifyAuthorization authorization = new SpotifyAuthorization(
                new SpotifyAppCredentials("client-id", null, URI.create("http://127.0.0.1:3000/auth/spotify/callback")), transport, clock);
        spotify = new SpotifyPlaylists(transport, links, new TokenRefresher(links, new SpotifyTokenEndpoint(authorization),
                LinkStatus.RECONNECT_REQUIRED, clock, pauses::add), pauses::add);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    void connect(String scopes) {
        links.save(new ProviderLink(RUNNER, Provider.SPOTIFY, ACCOUNT_ID, "access-token-1", NOW.plus(Duration.ofHours(1)),
                "refresh-token-1", scopes, LinkStatus.CONNECTED, 1, SPOTIFY_USER));
    }

    static String playlist(String id, String description, String owner) {
        return "{\"collaborative\":false,\"description\":" + Json.MAPPER.valueToTree(description) + ","
                + "\"external_urls\":{\"spotify\":\"https://open.spotify.com/playlist/" + id + "\"},"
                + "\"href\":\"https://api.spotify.com/v1/playlists/" + id + "\",\"id\":\"" + id + "\",\"images\":[],"
                + "\"name\":\"Run " + id + "\",\"owner\":{\"id\":\"" + owner + "\",\"type\":\"user\"},\"public\":false,"
                + "\"snapshot_id\":\"AAAA\",\"items\":{\"href\":\"https://api.spotify.com/v1/playlists/" + id + "/items\",\"total\":0},"
                + "\"type\":\"playlist\",\"uri\":\"spotify:playlist:" + id + "\"}";
    }

    /** 50 of the runner's own playlists, none of them ours, from {@code first}. */
    static List<String> unrelated(int first) {
        return IntStream.range(first, first + 50).mapToObj(i -> playlist(String.format("unrelated%013d", i),
                "Sunday long run " + i, SPOTIFY_USER)).toList();
    }

    void page(int offset, List<String> playlists, boolean more) {
        String next = more ? "\"https://api.spotify.com/v1/me/playlists?offset=" + (offset + 50) + "&limit=50\"" : "null";
        server.stubFor(get(urlPathEqualTo("/v1/me/playlists")).withQueryParam("offset", equalTo(Integer.toString(offset)))
                .withQueryParam("limit", equalTo("50")).withHeader("Authorization", equalTo("Bearer access-token-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"href\":\"x\",\"limit\":50,\"next\":" + next + ",\"offset\":" + offset
                                + ",\"previous\":null,\"total\":500,\"items\":[" + String.join(",", playlists) + "]}")));
    }

    List<LoggedRequest> listings() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v1/me/playlists")));
    }

    @Test
    void theMarkedPlaylistOnTheSecondPageIsFound() {
        page(0, unrelated(0), true);
        List<String> second = new ArrayList<>(unrelated(50).subList(0, 20));
        second.add(playlist("followedCopy0000000001", "A copy · " + MARKER.tag(), "someone-else"));
        second.add(playlist("3cEYpjA9oz9GiPac4AsH4n", "170 BPM &amp; flowing · " + MARKER.tag(), SPOTIFY_USER));
        page(50, second, true);

        Optional<CreatedPlaylist> found = spotify.findByMarker(RUNNER, MARKER);

        assertEquals(Optional.of(new CreatedPlaylist("3cEYpjA9oz9GiPac4AsH4n",
                "https://open.spotify.com/playlist/3cEYpjA9oz9GiPac4AsH4n")), found, "the runner's own, not a followed copy");
        assertEquals(2, listings().size());
    }

    @Test
    void anAbsentMarkerIsSoughtInTwoPagesAndNoFurther() {
        page(0, unrelated(0), true);
        page(50, unrelated(50), true);
        page(100, List.of(playlist("3cEYpjA9oz9GiPac4AsH4n", MARKER.tag(), SPOTIFY_USER)), false);

        assertEquals(Optional.empty(), spotify.findByMarker(RUNNER, MARKER));

        List<LoggedRequest> asked = listings();
        assertEquals(2, asked.size(), "bounded at " + PlaylistDestination.MARKER_SEARCH_LIMIT + " playlists");
        assertEquals(List.of("0", "50"), asked.stream().map(r -> r.queryParameter("offset").firstValue()).toList());
    }

    @Test
    void ownersAreMatchedByTheSpotifyUserIdNeverByTheAccountId() {
        page(0, List.of(playlist("copyOwnedByAccountIdLk", "A copy · " + MARKER.tag(), ACCOUNT_ID),
                playlist("3cEYpjA9oz9GiPac4AsH4n", "170 BPM · " + MARKER.tag(), SPOTIFY_USER)), false);

        assertEquals("3cEYpjA9oz9GiPac4AsH4n", spotify.findByMarker(RUNNER, MARKER).orElseThrow().id());
    }

    @Test
    void aLinkMadeBeforeAccountIdKeyingMatchesOwnersByItsExternalUserId() {
        links.save(new ProviderLink(RUNNER, Provider.SPOTIFY, SPOTIFY_USER, "access-token-1", NOW.plus(Duration.ofHours(1)),
                "refresh-token-1", "playlist-modify-private playlist-read-private", LinkStatus.CONNECTED, 1));
        page(0, List.of(playlist("copyOwnedBySomeoneElse", "A copy · " + MARKER.tag(), "someone-else"),
                playlist("3cEYpjA9oz9GiPac4AsH4n", "170 BPM · " + MARKER.tag(), SPOTIFY_USER)), false);

        assertEquals("3cEYpjA9oz9GiPac4AsH4n", spotify.findByMarker(RUNNER, MARKER).orElseThrow().id());
    }

    @Test
    void theLastPageEndsTheSearch() {
        page(0, List.of(playlist("someOtherPlaylist00001", "mine", SPOTIFY_USER)), false);
        assertEquals(Optional.empty(), spotify.findByMarker(RUNNER, PlaylistMarker.of(RUNNER, RUNNER + ":key-2")));
        assertEquals(1, listings().size());
    }

    @Test
    void aLinkWithoutThePrivateReadScopeStillSearchesThePublicOnes() {
        connect("playlist-modify-private");
        page(0, List.of(playlist("3cEYpjA9oz9GiPac4AsH4n", MARKER.tag(), SPOTIFY_USER)), false);
        assertTrue(spotify.findByMarker(RUNNER, MARKER).isPresent());
    }

    @Test
    void theCreatedPlaylistCarriesTheMarkerAfterTheRunnersDescription() {
        server.stubFor(post(urlPathEqualTo("/v1/me/playlists")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(playlist("3cEYpjA9oz9GiPac4AsH4n", "x", SPOTIFY_USER))));
        PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM, flowing", false, List.of("6f807x0ima9a1j3VPbc7VN"));

        CreatedPlaylist created = spotify.create(RUNNER, draft, MARKER);

        assertEquals("3cEYpjA9oz9GiPac4AsH4n", created.id());
        JsonNode sent = readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertEquals("Tempo run 170", sent.get("name").asText());
        assertEquals("170 BPM, flowing · " + MARKER.tag(), sent.get("description").asText());
    }

    /** The first create is answered {@code first}, the next ones 201. */
    void createAnswers(ResponseDefinitionBuilder first) {
        server.stubFor(post(urlPathEqualTo("/v1/me/playlists")).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered once").willReturn(first));
        server.stubFor(post(urlPathEqualTo("/v1/me/playlists")).inScenario("create").whenScenarioStateIs("answered once")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(playlist("newPlaylist00000000001", "x", SPOTIFY_USER))));
    }

    int creates() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/me/playlists"))).size();
    }

    @Test
    void aCreateAnswered502ThatHadMadeThePlaylistIsNotSentAgain() {
        createAnswers(aResponse().withStatus(502));
        page(0, List.of(playlist("3cEYpjA9oz9GiPac4AsH4n", "170 BPM · " + MARKER.tag(), SPOTIFY_USER)), true);
        PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM", false, List.of("6f807x0ima9a1j3VPbc7VN"));

        CreatedPlaylist created = spotify.create(RUNNER, draft, MARKER);

        assertEquals("3cEYpjA9oz9GiPac4AsH4n", created.id(), "the playlist the 502 hid");
        assertEquals(1, creates());
        assertEquals(1, listings().size(), "the newest page is enough seconds after the create");
        assertEquals(List.of(SpotifyRunnerCalls.FIRST_BACKOFF), pauses);
    }

    @Test
    void aCreateAnswered503ThatMadeNothingIsSentAgain() {
        createAnswers(aResponse().withStatus(503));
        page(0, unrelated(0), false);
        PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM", false, List.of("6f807x0ima9a1j3VPbc7VN"));

        assertEquals("newPlaylist00000000001", spotify.create(RUNNER, draft, MARKER).id());
        assertEquals(2, creates());
        assertEquals(1, listings().size());
    }

    @Test
    void aCreateRefusedWith429IsSentAgainWithoutLooking() {
        createAnswers(aResponse().withStatus(429).withHeader("Retry-After", "2"));
        PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM", false, List.of("6f807x0ima9a1j3VPbc7VN"));

        assertEquals("newPlaylist00000000001", spotify.create(RUNNER, draft, MARKER).id());
        assertEquals(2, creates());
        assertTrue(listings().isEmpty(), "a 429 made nothing");
    }

    static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ReconnectRequiredException;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.library.LibraryScan;
import com.runtothebeats.core.library.TrackListing;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library reader against WireMock serving Spotify's 2026 library shapes. */
class SpotifyLibraryReaderTest {

    static final String RUNNER = "runner-1";
    static final String ME = "ada.runs";
    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");

    WireMockServer server;
    MemoryProviderLinks links;
    SpotifyLibraryReader reader;
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
        links.save(new ProviderLink(RUNNER, Provider.SPOTIFY, "acc-1", "access-1", NOW.plus(Duration.ofHours(1)), "refresh-1",
                "user-library-read playlist-read-private playlist-read-collaborative", LinkStatus.CONNECTED, 1, ME));
        SpotifyAuthorization authorization = new SpotifyAuthorization(
                new SpotifyAppCredentials("client-id", null, URI.create("http://127.0.0.1:3000/auth/spotify/callback")), transport, clock);
        reader = new SpotifyLibraryReader(transport, links, new TokenRefresher(links, new SpotifyTokenEndpoint(authorization),
                LinkStatus.RECONNECT_REQUIRED, clock, pauses::add), pauses::add);
        server.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(json(200,
                "{\"id\":\"" + ME + "\",\"display_name\":\"Ada\",\"account_id\":\"acc-1\"}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String track(String id, String name, String... artists) {
        String credited = java.util.Arrays.stream(artists).map(a -> "{\"id\":\"a" + Math.abs(a.hashCode()) + "\",\"name\":\"" + a + "\"}")
                .collect(Collectors.joining(","));
        return "{\"type\":\"track\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"artists\":[" + credited + "],"
                + "\"album\":{\"id\":\"al1\",\"name\":\"Album of " + name + "\",\"release_date\":\"2019-01-01\"},"
                + "\"duration_ms\":200000,\"explicit\":false,\"is_playable\":true,\"external_ids\":{\"isrc\":\"GB0000000001\"}}";
    }

    static String id(String prefix, int i) {
        return String.format("%s%0" + (22 - prefix.length()) + "d", prefix, i);
    }

    /** Liked Songs: {@code count} tracks in pages of 50 (entries under "track", as /v1/me/tracks sends them). */
    void likedSongs(int count) {
        for (int offset = 0; offset < Math.max(count, 1); offset += 50) {
            int from = offset;
            String items = IntStream.range(from, Math.min(count, from + 50))
                    .mapToObj(i -> "{\"added_at\":\"2026-01-01T00:00:00Z\",\"track\":" + track(id("liked", i), "Liked " + i, "Artist " + i) + "}")
                    .collect(Collectors.joining(","));
            String next = from + 50 < count ? "\"https://api.spotify.com/v1/me/tracks?offset=" + (from + 50) + "&limit=50\"" : "null";
            server.stubFor(get(urlPathEqualTo("/v1/me/tracks")).withQueryParam("offset", equalTo(Integer.toString(from)))
                    .withQueryParam("limit", equalTo("50"))
                    .willReturn(json(200, "{\"items\":[" + items + "],\"next\":" + next + ",\"total\":" + count + "}")));
        }
    }

    static String playlist(String id, String owner, boolean collaborative) {
        return "{\"id\":\"" + id + "\",\"name\":\"List " + id + "\",\"collaborative\":" + collaborative + ",\"owner\":{\"id\":\""
                + owner + "\"},\"items\":{\"href\":\"https://api.spotify.com/v1/playlists/" + id + "/items\",\"total\":3}}";
    }

    void playlists(String... playlists) {
        server.stubFor(get(urlPathEqualTo("/v1/me/playlists")).withQueryParam("offset", equalTo("0"))
                .willReturn(json(200, "{\"items\":[" + String.join(",", playlists) + "],\"next\":null,\"total\":" + playlists.length + "}")));
    }

    void items(String playlistId, int offset, String next, String... entries) {
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + playlistId + "/items")).withQueryParam("offset", equalTo(Integer.toString(offset)))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(json(200, "{\"items\":[" + String.join(",", entries) + "],\"next\":" + next + ",\"total\":9}")));
    }

    static String item(String track) {
        return "{\"added_at\":\"2026-01-01T00:00:00Z\",\"is_local\":false,\"item\":" + track + "}";
    }

    @Test
    void likedSongsArePagedByFiftyAndPlaylistItemsReadFromItem() {
        likedSongs(120);
        playlists(playlist("own0000000000000000001", ME, false));
        items("own0000000000000000001", 0, "\"https://api.spotify.com/v1/playlists/own0000000000000000001/items?offset=2&limit=100\"",
                item(track(id("pl", 1), "Señorita - Remastered 2011", "Shawn Mendes", "Camila Cabello")),
                // the deprecated wrapper is still accepted
                "{\"added_at\":\"x\",\"is_local\":false,\"track\":" + track(id("pl", 2), "Run", "Foo") + "}");
        items("own0000000000000000001", 2, "null", item(track(id("liked", 3), "Liked 3", "Artist 3")));

        LibraryScan scan = reader.scan(RUNNER);

        assertEquals(122, scan.tracks().size(), "120 liked + 2 from the playlist; the liked one repeated there once");
        assertEquals(List.of("0", "50", "100"), server.findAll(getRequestedFor(urlPathEqualTo("/v1/me/tracks")))
                .stream().map(r -> r.queryParameter("offset").firstValue()).toList());
        TrackListing senorita = scan.tracks().get(120);
        assertEquals(new TrackListing(id("pl", 1), "Señorita - Remastered 2011", List.of("Shawn Mendes", "Camila Cabello"),
                "Album of Señorita - Remastered 2011", 200000), senorita);
        assertEquals(1, scan.playlistsRead());
        assertEquals(0, scan.playlistsSkipped());
    }

    @Test
    void episodesLocalFilesAndUnplayableTracksAreSkippedAndCounted() {
        likedSongs(0);
        playlists(playlist("own0000000000000000001", ME, false));
        items("own0000000000000000001", 0, "null",
                item("{\"type\":\"episode\",\"id\":\"ep00000000000000000001\",\"name\":\"A podcast\"}"),
                "{\"added_at\":\"x\",\"is_local\":true,\"item\":{\"type\":\"track\",\"id\":null,\"name\":\"my mp3\",\"uri\":\"spotify:local:a:b:c:1\"}}",
                item(track(id("gone", 1), "Gone", "X").replace("\"is_playable\":true", "\"is_playable\":false")),
                "{\"added_at\":\"x\",\"is_local\":false,\"item\":null}",
                item(track(id("ok", 1), "Fine", "Y")));

        LibraryScan scan = reader.scan(RUNNER);

        assertEquals(List.of(id("ok", 1)), scan.tracks().stream().map(TrackListing::id).toList());
        assertEquals(4, scan.entriesSkipped());
    }

    @Test
    void refusedMetadataOnlyAndOthersPlaylistsAreSkippedAndCountedNeverFatal() {
        likedSongs(1);
        playlists(playlist("own0000000000000000001", ME, false), playlist("forbidden000000000001", ME, false),
                playlist("metaonly0000000000001", ME, false), playlist("collab000000000000001", "friend", true),
                playlist("followed0000000000001", "spotify", false));
        items("own0000000000000000001", 0, "null", item(track(id("own", 1), "Mine", "A")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/forbidden000000000001/items"))
                .willReturn(json(403, "{\"error\":{\"status\":403,\"message\":\"Forbidden\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/metaonly0000000000001/items"))
                .willReturn(json(200, "{\"id\":\"metaonly0000000000001\",\"name\":\"Not yours\",\"owner\":{\"id\":\"x\"}}")));
        items("collab000000000000001", 0, "null", item(track(id("collab", 1), "Shared", "B")));

        LibraryScan scan = reader.scan(RUNNER);

        assertEquals(List.of(id("liked", 0), id("own", 1), id("collab", 1)), scan.tracks().stream().map(TrackListing::id).toList());
        assertEquals(2, scan.playlistsRead());
        assertEquals(3, scan.playlistsSkipped());
        assertEquals(0, server.findAll(getRequestedFor(urlPathEqualTo("/v1/playlists/followed0000000000001/items"))).size(),
                "a followed playlist that is not the runner's is not read at all");
    }

    @Test
    void rateLimitsWaitRetryAfterThenGoOn() {
        likedSongs(60);
        playlists();
        server.stubFor(get(urlPathEqualTo("/v1/me/tracks")).withQueryParam("offset", equalTo("50")).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(429, "{\"error\":{\"status\":429,\"message\":\"slow\"}}")
                        .withHeader("Retry-After", "7")).willSetStateTo("waited"));
        server.stubFor(get(urlPathEqualTo("/v1/me/tracks")).withQueryParam("offset", equalTo("50")).inScenario("429")
                .whenScenarioStateIs("waited").willReturn(json(200, "{\"items\":[{\"track\":" + track(id("liked", 50), "L", "A")
                        + "}],\"next\":null,\"total\":51}")));

        LibraryScan scan = reader.scan(RUNNER);

        assertEquals(51, scan.tracks().size());
        assertEquals(List.of(Duration.ofSeconds(7)), pauses);
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheCallRepeated() {
        likedSongs(3);
        playlists();
        server.stubFor(get(urlPathEqualTo("/v1/me/tracks")).withHeader("Authorization", equalTo("Bearer access-1"))
                .atPriority(1).willReturn(json(401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(json(200,
                "{\"access_token\":\"access-2\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"user-library-read\"}")));

        LibraryScan scan = reader.scan(RUNNER);

        assertEquals(3, scan.tracks().size());
        assertEquals(1, server.findAll(postRequestedFor(urlPathEqualTo("/api/token"))).size());
        assertEquals("access-2", links.find(RUNNER, Provider.SPOTIFY).orElseThrow().accessToken());
    }

    @Test
    void aTokenRejectedAgainAfterRefreshMeansReconnect() {
        server.stubFor(get(urlPathEqualTo("/v1/me/tracks")).willReturn(json(401, "{\"error\":{\"status\":401,\"message\":\"no\"}}")));
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(json(200,
                "{\"access_token\":\"access-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        assertThrows(ReconnectRequiredException.class, () -> reader.scan(RUNNER));
        assertEquals(LinkStatus.RECONNECT_REQUIRED, links.find(RUNNER, Provider.SPOTIFY).orElseThrow().status());
    }
}

package com.runtothebeats.providers.spotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.providers.reccobeats.ReccoBeatsClient;
import com.runtothebeats.providers.reccobeats.ReccoBeatsStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spotify (2026 playlist items shape) and ReccoBeats, both on WireMock, into dataset rows. */
class SpotifyCatalogSourceTest {

    static final String PLAYLIST = "37i9dQZF1DXcZDD7cfEKhW";
    WireMockServer server;
    SpotifyCatalogSource source;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ReccoBeatsStandIn()));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        SpotifyHttpTransport transport = new SpotifyHttpTransport(HttpClient.newHttpClient(), new SpotifyEndpoints(base, base), Duration.ofSeconds(5));
        List<Duration> pauses = new ArrayList<>();
        SpotifyPlaylistReader reader = new SpotifyPlaylistReader(new SpotifyAppCredentials("client-id", "client-secret", null),
                transport, Clock.systemUTC(), pauses::add);
        ReccoBeatsClient reccoBeats = new ReccoBeatsClient(HttpClient.newHttpClient(), URI.create(base + "/v1"), pauses::add);
        source = new SpotifyCatalogSource(reader, reccoBeats, List.of(new SpotifyCatalogSource.PlaylistSpec(PLAYLIST, "pop", "dance pop")));

        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"app-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST)).withQueryParam("fields", equalTo("name"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"name\":\"Pop Remix\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST + "/items")).withQueryParam("offset", equalTo("0"))
                .willReturn(page(List.of(track(1), episode(), track(2)), "http://next")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST + "/items")).withQueryParam("offset", equalTo("3"))
                .willReturn(page(List.of(track(3)), null)));
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers(ReccoBeatsStandIn.NAME)
                .withTransformerParameter("unknown", id(2))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String id(int n) {
        return String.format("track%017d", n);
    }

    static String track(int n) {
        return "{\"added_at\":\"2026-01-01T00:00:00Z\",\"is_local\":false,\"item\":{\"type\":\"track\",\"id\":\"" + id(n) + "\","
                + "\"name\":\"Song " + n + "\",\"artists\":[{\"name\":\"Artist " + n + "\"}],\"popularity\":" + (50 + n) + ","
                + "\"duration_ms\":" + (200000 + n) + ",\"album\":{\"id\":\"album" + n + "\",\"name\":\"Album " + n + "\",\"release_date\":\"2019-06-14\"}}}";
    }

    static String episode() {
        return "{\"added_at\":\"2026-01-01T00:00:00Z\",\"is_local\":false,\"item\":{\"type\":\"episode\",\"id\":\"ep000000000000000000001\",\"name\":\"A podcast\"}}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(List<String> items, String next) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"href\":\"x\",\"limit\":50,\"offset\":0,\"total\":4,\"previous\":null,\"next\":"
                        + (next == null ? "null" : "\"" + next + "\"") + ",\"items\":[" + String.join(",", items) + "]}");
    }

    @Test
    void playlistsBecomeDatasetRowsWithReccoBeatsFeaturesAndUnknownTracksAreReported() {
        List<DatasetRow> rows = source.rows();

        assertEquals(List.of(id(1), id(3)), rows.stream().map(r -> r.get(DatasetColumn.TRACK_ID)).toList());
        assertEquals(List.of(id(2)), source.unknownTracks());
        DatasetRow first = rows.get(0);
        assertEquals("Pop Remix", first.get(DatasetColumn.PLAYLIST_NAME));
        assertEquals("pop", first.get(DatasetColumn.PLAYLIST_GENRE));
        assertEquals("Artist 1", first.get(DatasetColumn.TRACK_ARTIST));
        Track track = first.toTrack();
        assertEquals(121.0, track.features().tempo(), 1e-9);
        assertEquals(1, track.features().key());
        assertEquals(200001, track.features().durationMs());
        assertTrue(server.findAll(postRequestedFor(urlPathEqualTo("/api/token"))).get(0).getBodyAsString()
                .contains("grant_type=client_credentials"));
    }

    @Test
    void theRowsRoundTripThroughTheDatasetCsvSoTransformIsUnchanged() throws Exception {
        List<DatasetRow> rows = source.rows();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PlaylistDatasetCsv.write(rows, out);
        List<DatasetRow> read = PlaylistDatasetCsv.readAll(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertEquals(rows.stream().map(DatasetRow::values).toList(), read.stream().map(DatasetRow::values).toList());
    }

    @Test
    void aBadPlaylistIdIsRefusedNamingIt() {
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> new SpotifyCatalogSource(null, null,
                List.of(new SpotifyCatalogSource.PlaylistSpec("nope", null, null))));
        assertEquals("source.playlists[0]", bad.field());
    }
}

package com.runtothebeats.functions.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.CatalogSource;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.reccobeats.ReccoBeatsClient;
import com.runtothebeats.providers.spotify.SpotifyAppCredentials;
import com.runtothebeats.providers.spotify.SpotifyCatalogSource;
import com.runtothebeats.providers.spotify.SpotifyEndpoints;
import com.runtothebeats.providers.spotify.SpotifyHttpTransport;
import com.runtothebeats.providers.spotify.SpotifyPlaylistReader;
import com.runtothebeats.standins.S3StandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Harvest with the Spotify source: WireMock as Spotify (2026 playlist items) and as ReccoBeats, S3Mock as
 * the data bucket. The raw snapshot is the dataset CSV, so Transform reads it unchanged.
 */
class SpotifyHarvestTest {

    static final String PLAYLIST = "37i9dQZF1DX76Wlfdnj7AP";

    @TempDir
    static Path s3Root;
    static S3StandIn s3StandIn;
    static S3Client s3;
    WireMockServer server;

    /** ReccoBeats: knows every track except those whose id ends in 7; results in reverse order, id in href. */
    static final class ReccoBeats implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            List<String> entries = new ArrayList<>();
            for (String id : event.getRequest().queryParameter("ids").firstValue().split(",")) {
                if (!id.endsWith("7")) {
                    int n = Integer.parseInt(id.substring(id.length() - 3));
                    entries.add(0, "{\"id\":\"rb" + n + "\",\"href\":\"https://open.spotify.com/track/" + id + "\",\"acousticness\":0.2,"
                            + "\"danceability\":0.6,\"energy\":0.9,\"instrumentalness\":0.01,\"key\":" + (n % 12) + ",\"liveness\":0.1,"
                            + "\"loudness\":-4.0,\"mode\":" + (n % 2) + ",\"speechiness\":0.04,\"tempo\":" + (150 + n % 30) + ".5,\"valence\":0.5}");
                }
            }
            return Response.Builder.like(response).but().body("{\"content\":[" + String.join(",", entries) + "]}").build();
        }

        @Override
        public String getName() {
            return "reccobeats";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    static String id(int n) {
        return String.format("harvest%015d", n);
    }

    @BeforeAll
    static void startS3() {
        s3StandIn = S3StandIn.forTest(s3Root, "beats-data");
        s3 = new AwsClients(LambdaEnvironment.of(Map.of("AWS_ENDPOINT_URL_S3", s3StandIn.endpoint().toString(),
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"))).s3();
    }

    @AfterAll
    static void stopS3() {
        s3StandIn.close();
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ReccoBeats()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"app-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"Running 160\"}")));
        // 120 tracks: three pages of 50, 50, 20.
        for (int page = 0; page < 3; page++) {
            int from = page * 50;
            int to = Math.min(from + 50, 120);
            String items = String.join(",", IntStream.range(from, to).mapToObj(n -> "{\"is_local\":false,\"item\":{\"type\":\"track\",\"id\":\""
                    + id(n) + "\",\"name\":\"Song " + n + "\",\"artists\":[{\"name\":\"Artist\"}],\"popularity\":40,\"duration_ms\":"
                    + (180000 + n) + ",\"album\":{\"id\":\"a" + n + "\",\"name\":\"Album\",\"release_date\":\"2020\"}}}").toList());
            server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST + "/items"))
                    .withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(from)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"limit\":50,\"offset\":" + from + ",\"total\":120,\"next\":" + (to < 120 ? "\"more\"" : "null")
                                    + ",\"items\":[" + items + "]}")));
        }
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("reccobeats")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    HarvestHandler handler() {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        SpotifyHttpTransport transport = new SpotifyHttpTransport(HttpClient.newHttpClient(), new SpotifyEndpoints(base, base), Duration.ofSeconds(5));
        SpotifyPlaylistReader reader = new SpotifyPlaylistReader(new SpotifyAppCredentials("id", "secret", null), transport,
                Clock.systemUTC(), d -> { });
        ReccoBeatsClient reccoBeats = new ReccoBeatsClient(HttpClient.newHttpClient(), URI.create(base + "/v1"), d -> { });
        Function<Map<String, ?>, CatalogSource> spotify = spec -> new SpotifyCatalogSource(reader, reccoBeats,
                SpotifyHarvestSource.playlists(spec));
        return new HarvestHandler(new S3BlobStore(s3, "beats-data"), name -> new S3BlobStore(s3, name),
                Clock.fixed(Instant.parse("2026-11-24T21:00:00Z"), ZoneOffset.UTC),
                FunctionMetrics.create(LambdaEnvironment.of(Map.of())), Map.of("spotify", spotify));
    }

    @Test
    void spotifyPlaylistsWithReccoBeatsFeaturesBecomeARawDatasetSnapshot() throws Exception {
        Map<String, Object> output = handler().handleRequest(Map.of("runId", "spotify-1",
                "source", Map.of("type", "spotify", "playlists", List.of(Map.of("id", PLAYLIST, "genre", "running", "subgenre", "160")))), null);

        List<Integer> batches = server.findAll(getRequestedFor(urlPathEqualTo("/v1/audio-features"))).stream()
                .map(r -> r.queryParameter("ids").firstValue().split(",").length).toList();
        assertEquals(List.of(40, 40, 40), batches);
        List<DatasetRow> rows = PlaylistDatasetCsv.readAll(s3.getObject(b -> b.bucket("beats-data").key("raw/spotify-1/tracks.csv")));
        List<String> expected = IntStream.range(0, 120).filter(n -> n % 10 != 7).mapToObj(SpotifyHarvestTest::id).toList();
        assertEquals(expected, rows.stream().map(r -> r.get(DatasetColumn.TRACK_ID)).toList(), "playlist order, unknown tracks left out");
        assertEquals("Running 160", rows.get(0).get(DatasetColumn.PLAYLIST_NAME));
        assertEquals(150.5, rows.get(0).toTrack().features().tempo(), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) output.get("counts");
        assertEquals(108L, ((Number) counts.get("rows")).longValue());
    }

    @Test
    void aSpotifySourceWithoutPlaylistsIsRefusedNamingTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SpotifyHarvestSource.playlists(Map.of("type", "spotify")));
        assertEquals("source.playlists", e.field());
        assertTrue(SpotifyHarvestSource.playlists(Map.of("playlists", List.of(PLAYLIST))).get(0).genre() == null);
    }
}

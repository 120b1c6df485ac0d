package com.runtothebeats.local.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.local.LocalProduct;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's import end to end, as {@code ./beats serve} runs it: the local product in demo mode starts the Spotify,
 * ReccoBeats and GetSongBPM stand-ins from the dataset; {@code POST /api/library/import} queues the import, the SQS
 * worker reads the library through the stand-ins, and {@code GET /api/library} reports every playable track with the
 * source of its tempo. The product's first start builds its catalog from 1,000 songs of the demo runner's two styles
 * in the real dataset (to keep the first-start pipeline short); the stand-ins draw from the same file.
 */
class DemoLibraryImportTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration IMPORT_WAIT = Duration.ofSeconds(120);
    /** Enough of the demo runner's styles for their library, few enough for a short first-start pipeline. */
    private static final int SONGS = 1_000;

    @TempDir
    static Path work;
    private static LocalProduct product;
    private static DatasetSongs songs;

    @BeforeAll
    static void start() throws Exception {
        Path full = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(full), "the real dataset is needed at " + full.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        Path dataset = work.resolve("demo-styles.csv");
        try (InputStream in = Files.newInputStream(full); OutputStream out = Files.newOutputStream(dataset)) {
            java.util.Set<String> tracks = new java.util.HashSet<>();
            List<DatasetRow> rows = PlaylistDatasetCsv.readAll(in).stream()
                    .filter(row -> DemoLibrary.STYLES.contains(row.get(DatasetColumn.PLAYLIST_GENRE)))
                    .filter(row -> tracks.size() < SONGS || tracks.contains(row.get(DatasetColumn.TRACK_ID)))
                    .peek(row -> tracks.add(row.get(DatasetColumn.TRACK_ID))).toList();
            PlaylistDatasetCsv.write(rows, out);
        }
        songs = DatasetSongs.read(dataset);
        PrintStream log = new PrintStream(Files.newOutputStream(work.resolve("serve.log")), true);
        product = LocalProduct.start(new LocalProduct.Settings(PROJECT, work.resolve("state"), 0, true, Optional.of(dataset),
                Optional.empty(), Map.of(), System.out, log));
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void theDemoRunnersLibraryImportsThroughTheWorkerWithEveryTrackAndTheSourceOfItsTempo() throws Exception {
        assertTrue(product.demo());
        assertEquals(3, product.musicStandIns().size(), "Spotify, ReccoBeats and GetSongBPM stand-ins: " + product.musicStandIns());
        assertEquals("none", library().path("status").asText());

        HttpResponse<String> started = send("POST", "/api/library/import");
        assertEquals(202, started.statusCode(), started.body());
        JsonNode running = JSON.readTree(started.body());
        assertEquals("running", running.path("status").asText());
        assertFalse(running.path("importId").asText().isBlank());

        JsonNode done = awaitImport();
        assertEquals("done", done.path("status").asText(), done.toString());
        List<DemoLibrary.Track> tracks = DemoLibrary.demo(songs).playableTracks();
        long inDataset = tracks.stream().filter(t -> songs.byId(t.id()).isPresent()).count();
        long foundByTitle = tracks.stream().filter(DemoLibrary.Track::otherRelease)
                .map(t -> songs.byId(t.datasetId()).orElseThrow())
                .filter(song -> GetSongBpmStandIn.knows(song) && song.key() >= 0).count();
        assertEquals(tracks.size(), done.path("tracks").asInt(), "every playable track once: " + done);
        assertEquals(inDataset, done.path("sources").path("reccobeats").asLong(), "ReccoBeats knows the dataset's ids: " + done);
        assertEquals(foundByTitle, done.path("sources").path("getsongbpm").asLong(),
                "other releases found by cleaned title and artist (remasters, radio edits, feat.): " + done);
        assertEquals(tracks.size() - inDataset - foundByTitle, done.path("sources").path("none").asLong());
        assertTrue(foundByTitle > 0 && tracks.size() - inDataset - foundByTitle > 0, "each source is exercised: " + done);
        assertEquals(inDataset + foundByTitle, done.path("withTempo").asLong());
        assertEquals(1, done.path("playlistsSkipped").asInt(), "the followed playlist of someone else's: " + done);
        assertEquals(tracks.size(), done.path("progress").path("total").asInt());
        assertFalse(done.path("importedAt").isNull());

        assertEquals(204, send("DELETE", "/api/library").statusCode());
        JsonNode gone = library();
        assertEquals("none", gone.path("status").asText());
        assertEquals(0, gone.path("tracks").asInt());
    }

    private static JsonNode awaitImport() throws Exception {
        Instant until = Instant.now().plus(IMPORT_WAIT);
        JsonNode state = library();
        while (state.path("status").asText().equals("running") && Instant.now().isBefore(until)) {
            JsonNode progress = state.path("progress");
            assertTrue(progress.path("done").asInt() <= progress.path("total").asInt(), "progress never passes its total: " + state);
            Thread.sleep(200);
            state = library();
        }
        return state;
    }

    private static JsonNode library() throws Exception {
        HttpResponse<String> response = send("GET", "/api/library");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** As the page sends it: writes repeat the CSRF cookie in a header. */
    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(product.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", com.runtothebeats.lambda.session.CsrfTokens.COOKIE + "=test-page-token").header("X-CSRF-Token", "test-page-token").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

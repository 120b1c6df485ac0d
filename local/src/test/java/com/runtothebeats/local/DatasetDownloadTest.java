package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.standins.LoopbackPorts;
import com.sun.net.httpserver.HttpServer;
import com.runtothebeats.standins.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run download of the public dataset, against a local HTTP server serving a good, a corrupt and no file. */
class DatasetDownloadTest {

    private static final byte[] SMALL = "track_id,tempo\n1a,170.0\n2b,165.5\n".getBytes(StandardCharsets.UTF_8);
    private static final String SMALL_SHA256 = "87e3d48a5263028b8dbc74f073d4c3a42fefb6884890cc2ca2f42cdc67e28310";
    private static final byte[] CORRUPT = "track_id,tempo\n1a,170.0\n2b,165.6\n".getBytes(StandardCharsets.UTF_8);
    /** Of ../shared/data/spotify/spotify_songs_train.csv, as that folder's README records it. */
    private static final String TRAINING_SPLIT_SHA256 = "1e5ff608d82301e56e2888019ccf427239e7fbccd2fe3db8bb71798059cd3629";
    private static final Path TRAINING_SPLIT =
            ProjectFiles.trainingSplit();

    @TempDir
    Path project;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(terminal, true, StandardCharsets.UTF_8);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/spotify_songs.csv", SMALL);
        serve("/corrupt.csv", CORRUPT);
        server.createContext("/training.csv", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, Files.size(TRAINING_SPLIT));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(TRAINING_SPLIT, body);
            }
        });
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void withNoDatasetHereThePublicFileIsDownloadedVerifiedAndKeptUnderData() throws Exception {
        Path found = LocalDataset.find(Optional.empty(), project, environment("/spotify_songs.csv", SMALL_SHA256), progress);

        assertEquals(project.resolve("data/spotify_songs.csv"), found);
        assertArrayEquals(SMALL, Files.readAllBytes(found));
        assertEquals(Optional.of(found), onlyFileIn(project.resolve("data")));
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("downloading the public one from " + url("/spotify_songs.csv")), shown);
        assertTrue(shown.contains("100%"), shown);
        assertTrue(shown.contains("verified"), shown);

        // the next run finds the kept file and asks the server nothing
        int asked = requests.get();
        assertEquals(found, LocalDataset.find(Optional.empty(), project, environment("/spotify_songs.csv", SMALL_SHA256), progress));
        assertEquals(asked, requests.get());
    }

    @Test
    void theRealTrainingSplitStreamsThroughWithAQuarterlyProgressLineAndItsPublishedChecksum() throws Exception {
        Path found = LocalDataset.find(Optional.empty(), project, environment("/training.csv", TRAINING_SPLIT_SHA256), progress);

        assertEquals(Files.mismatch(TRAINING_SPLIT, found), -1L);
        String shown = terminal.toString(StandardCharsets.UTF_8);
        // not a terminal here: a line as each quarter is passed, then the finished bar
        List<String> bars = shown.lines().filter(line -> line.contains("spotify_songs.csv [")).toList();
        assertEquals(4, bars.size(), shown);
        assertTrue(bars.get(3).contains("[" + "#".repeat(30) + "] 100%"), shown);
    }

    @Test
    void aCorruptFileIsRefusedAndNothingIsKept() {
        DatasetDownload.DatasetUnavailable refused = assertThrows(DatasetDownload.DatasetUnavailable.class,
                () -> LocalDataset.find(Optional.empty(), project, environment("/corrupt.csv", SMALL_SHA256), progress));

        assertTrue(refused.getMessage().contains("not the expected " + SMALL_SHA256), refused.getMessage());
        assertTrue(refused.getMessage().contains("BEATS_DATASET_SHA256"), refused.getMessage());
        assertFalse(Files.exists(project.resolve("data")), "the data folder this download created is gone again");
    }

    @Test
    void aFailedDownloadKeepsNothingAndSaysWhereToGetTheFile() throws Exception {
        Files.createDirectories(project.resolve("data"));
        DatasetDownload.DatasetUnavailable missing = assertThrows(DatasetDownload.DatasetUnavailable.class,
                () -> LocalDataset.find(Optional.empty(), project, environment("/gone.csv", SMALL_SHA256), progress));

        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        assertTrue(missing.getMessage().contains(LocalDataset.WHERE_TO_GET), missing.getMessage());
        assertEquals(Optional.empty(), onlyFileIn(project.resolve("data")), "no partial file left");
        assertTrue(Files.isDirectory(project.resolve("data")), "a data folder that was there stays");
    }

    @Test
    void withoutNetworkItSaysWhereToGetTheFile() {
        Map<String, String> environment = new HashMap<>();
        environment.put(DatasetDownload.URL_VARIABLE, "http://127.0.0.1:" + LoopbackPorts.free() + "/spotify_songs.csv");

        DatasetDownload.DatasetUnavailable offline = assertThrows(DatasetDownload.DatasetUnavailable.class,
                () -> LocalDataset.find(Optional.empty(), project, environment, progress));

        assertTrue(offline.getMessage().startsWith("Could not download the dataset from http://127.0.0.1:"), offline.getMessage());
        assertTrue(offline.getMessage().contains(DatasetDownload.DEFAULT_URL + " to data/spotify_songs.csv"), offline.getMessage());
        assertFalse(Files.exists(project.resolve("data")));
    }

    @Test
    void aDatasetAlreadyHereIsUsedAndNothingIsDownloaded() throws Exception {
        Path ownFile = Files.writeString(project.resolve("mine.csv"), "track_id\n");
        Map<String, String> environment = environment("/spotify_songs.csv", SMALL_SHA256);
        environment.put("BEATS_DATASET", ownFile.toString());

        assertEquals(ownFile, LocalDataset.find(Optional.empty(), project, environment, progress));
        assertEquals(0, requests.get());
    }

    @Test
    void anEmptyDownloadUrlTurnsDownloadingOff() {
        Map<String, String> environment = new HashMap<>();
        environment.put(DatasetDownload.URL_VARIABLE, "");

        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> LocalDataset.find(Optional.empty(), project, environment, progress));

        assertTrue(off.getMessage().contains("downloading is off"), off.getMessage());
        assertTrue(off.getMessage().contains(LocalDataset.WHERE_TO_GET), off.getMessage());
    }

    @Test
    void aNamedDatasetThatIsMissingIsAnErrorNotADownload() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> LocalDataset.find(
                Optional.of(project.resolve("nope.csv")), project, environment("/spotify_songs.csv", SMALL_SHA256), progress));

        assertTrue(missing.getMessage().startsWith("No dataset at "), missing.getMessage());
        assertEquals(0, requests.get());
    }

    private void serve(String path, byte[] content) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Map<String, String> environment(String path, String sha256) {
        Map<String, String> environment = new HashMap<>();
        environment.put(DatasetDownload.URL_VARIABLE, url(path));
        environment.put(DatasetDownload.SHA256_VARIABLE, sha256);
        return environment;
    }

    private static Optional<Path> onlyFileIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            var all = files.toList();
            assertTrue(all.size() <= 1, "more than one file in " + directory + ": " + all);
            return all.stream().findFirst();
        }
    }
}

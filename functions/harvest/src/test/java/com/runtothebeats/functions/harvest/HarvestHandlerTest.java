package com.runtothebeats.functions.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.MalformedDatasetException;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.pipeline.HarvestManifest;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.ProjectFiles;
import com.runtothebeats.standins.S3StandIn;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The Harvest handler against an S3 API server (S3Mock), through the same adapters it uses on Lambda. */
class HarvestHandlerTest {

    static final Instant START = Instant.parse("2026-11-24T20:30:00Z");

    @TempDir
    static Path s3Root;
    @TempDir
    Path work;
    static S3StandIn s3StandIn;
    static S3Client s3;
    static int bucketCount;

    S3BlobStore data;
    MovingClock clock;
    HarvestHandler handler;

    @BeforeAll
    static void start() {
        s3StandIn = S3StandIn.forTest(s3Root, "datasets");
        s3 = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL_S3", s3StandIn.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"))).s3();
        s3.putObject(b -> b.bucket("datasets").key("spotify/two-playlists.csv"), RequestBody.fromFile(fixture()));
    }

    @AfterAll
    static void stop() {
        s3StandIn.close();
    }

    @BeforeEach
    void freshBucket() {
        String bucket = "data-" + (++bucketCount);
        s3.createBucket(b -> b.bucket(bucket));
        data = new S3BlobStore(s3, bucket);
        clock = new MovingClock(START);
        handler = new HarvestHandler(data, name -> new S3BlobStore(s3, name), clock,
                FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
    }

    static Path fixture() {
        try {
            return Path.of(HarvestHandlerTest.class.getResource("/catalog/two-playlists.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> event(String runId, String location) {
        Map<String, Object> event = new HashMap<>();
        if (runId != null) {
            event.put("runId", runId);
        }
        event.put("source", Map.of("type", "dataset", "location", location));
        return event;
    }

    /** No Lambda context: StepFunctionsTaskTest covers the Powertools logging around the handler. */
    Map<String, Object> invoke(Map<String, Object> event) {
        return handler.handleRequest(event, null);
    }

    @Test
    void aLocalDatasetBecomesARawSnapshotAndASmallManifest() throws Exception {
        Map<String, Object> output = invoke(event("fixture-1", fixture().toString()));

        assertEquals(Map.of("runId", "fixture-1", "rawKey", "raw/fixture-1/tracks.csv",
                "manifestKey", "raw/fixture-1/manifest.json",
                "counts", Map.of("rows", 6L, "playlists", 2L, "tracks", 5L)), output);
        List<DatasetRow> original = PlaylistDatasetCsv.readAll(Files.newInputStream(fixture()));
        List<DatasetRow> stored = PlaylistDatasetCsv.readAll(
                new ByteArrayInputStream(data.get("raw/fixture-1/tracks.csv").orElseThrow()));
        assertEquals(original.stream().map(DatasetRow::values).toList(), stored.stream().map(DatasetRow::values).toList());
        assertEquals("Home\n(Live)", stored.get(2).values().get(5));

        HarvestManifest manifest = Json.MAPPER.readValue(data.get("raw/fixture-1/manifest.json").orElseThrow(),
                HarvestManifest.class);
        assertEquals("dataset:" + fixture(), manifest.source());
        assertEquals(6, manifest.rows());
        assertEquals(START.toString(), manifest.createdAt());
        assertEquals(64, manifest.sha256().length());
        assertEquals(List.of("raw/fixture-1/manifest.json", "raw/fixture-1/tracks.csv"), data.list(""));
    }

    @Test
    void anS3DatasetGivesTheSameSnapshotAsTheLocalFile() {
        invoke(event("from-file", fixture().toString()));
        Map<String, Object> output = invoke(event("from-s3", "s3://datasets/spotify/two-playlists.csv"));
        assertEquals(Map.of("rows", 6L, "playlists", 2L, "tracks", 5L), output.get("counts"));
        assertArrayEquals(data.get("raw/from-file/tracks.csv").orElseThrow(), data.get("raw/from-s3/tracks.csv").orElseThrow());
    }

    @Test
    void theRunIdDefaultsToTheStartTime() {
        Map<String, Object> output = invoke(event(null, fixture().toString()));
        assertEquals("20261124T203000Z", output.get("runId"));
        assertTrue(data.exists("raw/20261124T203000Z/manifest.json"));
    }

    @Test
    void harvestingTheSameRunAgainChangesNothing() {
        Map<String, Object> first = invoke(event("again", fixture().toString()));
        byte[] manifest = data.get("raw/again/manifest.json").orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> second = invoke(event("again", "s3://datasets/spotify/two-playlists.csv"));
        assertEquals(first, second);
        assertArrayEquals(manifest, data.get("raw/again/manifest.json").orElseThrow());
    }

    @Test
    void differentContentUnderAnExistingRunIsRefused() throws Exception {
        invoke(event("taken", fixture().toString()));
        byte[] before = data.get("raw/taken/tracks.csv").orElseThrow();
        List<String> lines = Files.readAllLines(fixture());
        Path shorter = work.resolve("shorter.csv");
        Files.write(shorter, lines.subList(0, lines.size() - 1));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> invoke(event("taken", shorter.toString())));
        assertEquals(InvalidInputException.class, e.getClass()); // the error name the state machine never retries
        assertEquals("runId", e.field());
        assertTrue(e.getMessage().contains("run taken already has a raw snapshot"), e.getMessage());
        assertArrayEquals(before, data.get("raw/taken/tracks.csv").orElseThrow());
    }

    @Test
    void aMalformedRowNamesItsLineAndNothingIsWritten() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(fixture()));
        lines.set(5, lines.get(5) + ",one too many"); // line 6 of the file (the album on line 4 spans two lines)
        Path broken = work.resolve("broken.csv");
        Files.write(broken, lines);

        MalformedDatasetException e = assertThrows(MalformedDatasetException.class,
                () -> invoke(event("broken", broken.toString())));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("line 6:"), e.getMessage());
        assertEquals(List.of(), data.list(""));
    }

    @Test
    void aMissingDatasetSaysWhereToGetItAndNothingIsWritten() {
        InvalidInputException local = assertThrows(InvalidInputException.class,
                () -> invoke(event("missing", work.resolve("spotify_songs.csv").toString())));
        assertEquals("source.location", local.field());
        assertTrue(local.getMessage().contains("tidytuesday"), local.getMessage());
        InvalidInputException remote = assertThrows(InvalidInputException.class,
                () -> invoke(event("missing", "s3://datasets/spotify/nope.csv")));
        assertEquals("source.location", remote.field());
        assertEquals(List.of(), data.list(""));
    }

    @Test
    void aBadEventNamesTheFieldAndNothingIsWritten() {
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of(), "source");
        cases.put(Map.of("source", "s3://datasets/x.csv"), "source");
        cases.put(Map.of("source", Map.of("location", fixture().toString())), "source.type");
        cases.put(Map.of("source", Map.of("type", "spotify-archive", "location", fixture().toString())), "source.type");
        cases.put(Map.of("source", Map.of("type", "dataset")), "source.location");
        cases.put(Map.of("source", Map.of("type", "dataset", "location", 42)), "source.location");
        cases.put(event("../escape", fixture().toString()), "runId");
        Map<String, Object> numericRunId = event(null, fixture().toString());
        numericRunId.put("runId", 7);
        cases.put(numericRunId, "runId");
        cases.forEach((event, field) -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> invoke(event), event.toString());
            assertEquals(field, e.field(), e.getMessage());
        });
        assertEquals("source", assertThrows(InvalidInputException.class, () -> invoke(null)).field());
        assertEquals(List.of(), data.list(""));
    }

    @Test
    void theSampleEventsAreHarvestInputs() throws Exception {
        for (String name : List.of("dataset-local.json", "dataset-s3.json")) {
            Path file = ProjectFiles.repositoryRoot().resolve("events/harvest").resolve(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = Json.MAPPER.readValue(file.toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) event.get("source");
            assertEquals("dataset", source.get("type"), name);
            event.put("source", Map.of("type", "dataset", "location", fixture().toString()));
            assertEquals(event.get("runId"), invoke(event).get("runId"), name);
        }
    }

    @Test
    void theRealTrainingSplitIsHarvestedWhole() {
        Path dataset = ProjectFiles.trainingSplit();
        Map<String, Object> output = invoke(event("real-split", dataset.toString()));
        assertEquals(Map.of("rows", 26_777L, "playlists", 384L, "tracks", 23_617L), output.get("counts"));
        assertEquals(26_777, PlaylistDatasetCsv.readAll(data.open("raw/real-split/tracks.csv").orElseThrow()).size());
    }

    /** A clock the test moves, so a re-run happens "later". */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

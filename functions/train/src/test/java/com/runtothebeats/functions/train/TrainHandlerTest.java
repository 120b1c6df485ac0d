package com.runtothebeats.functions.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.model.CurrentModelLoader;
import com.runtothebeats.model.ModelStore;
import com.runtothebeats.model.TrainingOptions;
import com.runtothebeats.standins.S3StandIn;
import com.runtothebeats.standins.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Train → promotion decision → Promote against a real S3 API server (S3Mock), on a small fixture of real
 * playlists: the artifact round trip through the S3 adapter, the Train output the Choice reads, and the
 * gate refusing a model that is no better than the current one (retraining the same data with the same
 * seed). The gate's rules themselves are tested in core (PromotionGate), and the promoted path end to end
 * on the real training split in the local pipeline.
 */
class TrainHandlerTest {

    private static final TrainingOptions QUICK = new TrainingOptions(12, 0.1f, 0.01f, 0.01f, 8, 6, 3, 0.25, 11L);

    @TempDir
    static Path root;
    static S3StandIn s3StandIn;
    static S3BlobStore blobs;
    static List<PlaylistSequence> fixture;

    @BeforeAll
    static void start() throws Exception {
        s3StandIn = S3StandIn.forTest(root.resolve("s3"), "data");
        S3Client s3 = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL_S3", s3StandIn.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"))).s3();
        blobs = new S3BlobStore(s3, "data");
        Path csv = ProjectFiles.trainingSplit();
        assertTrue(Files.isRegularFile(csv), "the real dataset is needed at " + csv.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        List<PlaylistSequence> all;
        try (InputStream in = Files.newInputStream(csv)) {
            all = DatasetPlaylists.read(in).playlists();
        }
        fixture = IntStream.range(0, all.size()).filter(i -> i % 4 == 0).mapToObj(all::get)
                .map(p -> new PlaylistSequence(p.playlistId(), p.genre(), p.subgenre(), p.tracks().subList(0, Math.min(40, p.tracks().size()))))
                .toList();
        FeatureTransform transform = FeatureTransform.fit("run-1",
                fixture.stream().flatMap(p -> p.tracks().stream()).map(Track::features).toList());
        JacksonJsonCodec json = new JacksonJsonCodec();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (PlaylistSequence p : fixture) {
            lines.write(json.write(p));
            lines.write('\n');
        }
        blobs.put("transform/run-1/sequences.jsonl", lines.toByteArray(), "application/x-ndjson");
        blobs.put("transform/run-1/feature-transform.json", json.write(transform), "application/json");
    }

    @AfterAll
    static void stop() {
        s3StandIn.close();
    }

    private static Map<String, Object> transformOutput() {
        Map<String, Object> event = new HashMap<>();
        event.put("runId", "run-1");
        event.put("transformKey", "transform/run-1/feature-transform.json");
        event.put("sequencesKey", "transform/run-1/sequences.jsonl");
        event.put("reportKey", "transform/run-1/report.json");
        return event;
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsStoresPromotesAndThenRefusesAModelThatIsNoBetter() {
        TrainHandler train = new TrainHandler(blobs, root.resolve("work"), QUICK, FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
        Map<String, Object> first = train.handleRequest(transformOutput(), null);
        String version = (String) first.get("modelVersion");
        assertTrue(version.startsWith("run-1-"), version);
        assertEquals("models/" + version + "/manifest.json", first.get("manifestKey"));
        assertTrue(blobs.exists("models/" + version + "/flow-gru-0000.params"));
        assertTrue(blobs.exists("models/" + version + "/feature-transform.json"));
        Map<String, Object> metrics = (Map<String, Object>) first.get("metrics");
        Map<String, Map<String, Object>> baselines = (Map<String, Map<String, Object>>) first.get("baselines");
        assertEquals(List.of("global-mean", "last-track", "running-mean", "running-median"), List.copyOf(baselines.keySet()));
        double mae = ((Number) metrics.get("mae")).doubleValue();
        boolean beatsBaselines = baselines.values().stream().allMatch(b -> mae < ((Number) b.get("mae")).doubleValue());
        assertNull(first.get("current"));
        assertEquals(beatsBaselines, first.get("promote"), String.valueOf(first.get("reasons")));
        assertTrue(mae < ((Number) baselines.get("global-mean").get("mae")).doubleValue(), "model " + metrics + " vs " + baselines);
        assertFalse(blobs.exists(ModelStore.CURRENT_KEY), "Train never promotes by itself");

        Map<String, Object> promoted = new PromoteHandler(blobs).handleRequest(Map.of("modelVersion", version), null);
        assertEquals(version, promoted.get("version"));
        assertTrue(blobs.exists(ModelStore.CURRENT_KEY));

        // the artifact round trip through S3: what the recommender's loader serves is the trained model
        CurrentModelLoader loader = new CurrentModelLoader(new ModelStore(blobs), root.resolve("serving"), Duration.ZERO, Clock.systemUTC());
        List<AudioFeatures> history = fixture.get(0).tracks().stream().map(Track::features).toList().subList(0, 8);
        double[] served = loader.current().orElseThrow().predictNext(history);
        assertEquals(version, loader.current().orElseThrow().version());
        loader.close();

        // same data, same seed: the new model is exactly as good as the current one, so it is not promoted
        Map<String, Object> second = train.handleRequest(transformOutput(), null);
        Map<String, Object> current = (Map<String, Object>) second.get("current");
        assertNotNull(current);
        assertEquals(version, current.get("version"));
        assertEquals(mae, ((Number) ((Map<String, Object>) current.get("metrics")).get("mae")).doubleValue(), 1e-6);
        assertEquals(false, second.get("promote"), String.valueOf(second.get("reasons")));

        CurrentModelLoader again = new CurrentModelLoader(new ModelStore(blobs), root.resolve("serving2"), Duration.ZERO, Clock.systemUTC());
        assertArrayEquals(served, again.current().orElseThrow().predictNext(history), 1e-6);
        again.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCatalogTooSmallToSplitEndsNotPromotedRatherThanFailing() {
        JacksonJsonCodec json = new JacksonJsonCodec();
        PlaylistSequence only = fixture.get(0);
        blobs.put("transform/tiny/sequences.jsonl", json.write(only), "application/x-ndjson");
        blobs.put("transform/tiny/feature-transform.json", json.write(FeatureTransform.fit("tiny",
                only.tracks().stream().map(Track::features).toList())), "application/json");
        TrainHandler train = new TrainHandler(blobs, root.resolve("work"), QUICK, FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
        Map<String, Object> output = train.handleRequest(Map.of("runId", "tiny",
                "transformKey", "transform/tiny/feature-transform.json", "sequencesKey", "transform/tiny/sequences.jsonl"), null);
        assertEquals(false, output.get("promote"));
        assertNull(output.get("modelVersion"));
        assertTrue(((List<String>) output.get("reasons")).get(0).contains("two or more tracks"), String.valueOf(output.get("reasons")));
    }

    @Test
    void refusesAnEventWithoutTheTransformKeys() {
        TrainHandler train = new TrainHandler(blobs, root.resolve("work"), QUICK, FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> train.handleRequest(Map.of("runId", "run-1"), null));
        assertEquals("transformKey", missing.field());
        InvalidInputException absent = assertThrows(InvalidInputException.class, () -> train.handleRequest(
                Map.of("runId", "run-9", "transformKey", "transform/run-9/feature-transform.json", "sequencesKey", "x"), null));
        assertEquals("transformKey", absent.field());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> new PromoteHandler(blobs).handleRequest(Map.of("modelVersion", "never-trained"), null));
        assertEquals("modelVersion", unknown.field());
    }
}

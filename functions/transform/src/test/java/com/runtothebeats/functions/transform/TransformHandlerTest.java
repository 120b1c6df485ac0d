package com.runtothebeats.functions.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.DatasetFileSource;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat;
import com.runtothebeats.core.pipeline.CatalogHarvest;
import com.runtothebeats.core.pipeline.CatalogSnapshotStore;
import com.runtothebeats.core.pipeline.CurrentCatalog;
import com.runtothebeats.core.pipeline.CurrentTransform;
import com.runtothebeats.core.pipeline.HarvestResult;
import com.runtothebeats.core.pipeline.RunId;
import com.runtothebeats.core.pipeline.TransformReport;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.LocalDynamoDb;
import com.runtothebeats.standins.ProjectFiles;
import com.runtothebeats.standins.S3StandIn;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Transform handler against S3Mock and DynamoDB Local (tracks table from template.yaml), on a small
 * hand-made snapshot whose every row is a known case, and on the real training split.
 */
class TransformHandlerTest {

    @TempDir
    static Path s3Root;
    static S3StandIn s3StandIn;
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
    static S3Client s3;
    static DynamoDbClient dynamo;
    static int fresh;

    S3BlobStore data;
    String table;
    TransformHandler handler;

    @BeforeAll
    static void start() {
        s3StandIn = S3StandIn.forTest(s3Root);
        AwsClients aws = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL_S3", s3StandIn.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.server().endpoint().toString(),
                "AWS_REGION", DynamoDbLocalServer.REGION,
                "AWS_ACCESS_KEY_ID", DynamoDbLocalServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", DynamoDbLocalServer.SECRET_ACCESS_KEY)));
        s3 = aws.s3();
        dynamo = aws.dynamoDb();
    }

    @AfterAll
    static void stop() {
        s3StandIn.close();
    }

    @BeforeEach
    void freshBucketAndTable() {
        fresh++;
        String bucket = "data-" + fresh;
        s3.createBucket(b -> b.bucket(bucket));
        data = new S3BlobStore(s3, bucket);
        table = DYNAMO.table("TracksTable");
        handler = new TransformHandler(data, new DynamoTrackCatalog(dynamo, table),
                FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
    }

    /** Harvest's output for a snapshot of {@code dataset}, made by the same core step Harvest runs. */
    Map<String, Object> harvested(String runId, Path dataset) {
        HarvestResult result = new CatalogHarvest(data, new JacksonJsonCodec(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .harvest(new RunId(runId), new DatasetFileSource(dataset.toString(), name -> {
                    throw new AssertionError("local fixture");
                }));
        @SuppressWarnings("unchecked")
        Map<String, Object> event = Json.MAPPER.convertValue(result, Map.class);
        return event;
    }

    /** No Lambda context: StepFunctionsTaskTest covers the Powertools logging around the handler. */
    Map<String, Object> invoke(Map<String, Object> event) {
        return handler.handleRequest(event, null);
    }

    @Test
    void everyValidDistinctTrackIsStoredAndEveryDroppedRowIsCounted() throws Exception {
        Map<String, Object> output = invoke(harvested("cases", fixture()));

        assertEquals("cases", output.get("runId"));
        assertEquals("transform/cases/feature-transform.json", output.get("transformKey"));
        assertEquals("transform/cases/sequences.jsonl", output.get("sequencesKey"));
        assertEquals("transform/cases/report.json", output.get("reportKey"));
        assertEquals("catalog/cases/catalog.snapshot", output.get("catalogSnapshotKey"));
        assertEquals(Map.of("rows", 15L, "valid", 9L, "stored", 6L, "dropped", Map.of(
                "duplicate_in_playlist", 1L, "zero_tempo", 1L, "bad_key", 1L, "missing_tempo", 1L,
                "out_of_range", 1L, "bad_mode", 1L)), output.get("counts"));

        Set<String> stored = new HashSet<>();
        dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> stored.add(item.get("trackId").s()));
        assertEquals(Set.of("0aaaaaaaaaaaaaaaaaaaaA", "0bbbbbbbbbbbbbbbbbbbbB", "0ccccccccccccccccccccC",
                "0eeeeeeeeeeeeeeeeeeeeE", "0hhhhhhhhhhhhhhhhhhhhH", "0jjjjjjjjjjjjjjjjjjjjJ"), stored);
        Map<String, AttributeValue> sprint = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("trackId", AttributeValue.fromS("0hhhhhhhhhhhhhhhhhhhhH")))).item();
        assertEquals("Run, Don't Walk (\"Sprint\" Mix)", sprint.get("name").s());
        assertEquals("3B", sprint.get("camelot").s());      // C#/Db major
        assertEquals("7", sprint.get("fifths").n());
        assertEquals("176", sprint.get("tempoBand").n());
        assertEquals("cases", sprint.get("transformVersion").s());

        List<PlaylistSequence> sequences = sequences("transform/cases/sequences.jsonl");
        assertEquals(4, sequences.size());
        assertEquals(List.of("0aaaaaaaaaaaaaaaaaaaaA", "0bbbbbbbbbbbbbbbbbbbbB", "0ccccccccccccccccccccC"), ids(sequences.get(0)));
        assertEquals(List.of("0eeeeeeeeeeeeeeeeeeeeE", "0bbbbbbbbbbbbbbbbbbbbB"), ids(sequences.get(1)));
        assertEquals("album rock", sequences.get(2).subgenre());
        assertEquals(List.of("0aaaaaaaaaaaaaaaaaaaaA", "0eeeeeeeeeeeeeeeeeeeeE"), ids(sequences.get(2)));
        assertEquals(List.of("0hhhhhhhhhhhhhhhhhhhhH", "0jjjjjjjjjjjjjjjjjjjjJ"), ids(sequences.get(3)));

        TransformReport report = Json.MAPPER.readValue(data.get("transform/cases/report.json").orElseThrow(), TransformReport.class);
        assertEquals(6, report.stored());
        assertEquals(5, report.validation().examples().get("duplicate_in_playlist").get(0).line());
        assertEquals(6, report.validation().examples().get("zero_tempo").get(0).line());
        assertEquals("key", report.validation().examples().get("bad_key").get(0).field());
        assertEquals(0, report.validation().dropped().get("conflicting_features"));

        FeatureTransform transform = Json.MAPPER.readValue(
                data.get("transform/cases/feature-transform.json").orElseThrow(), FeatureTransform.class);
        List<Track> distinct = sequences.stream().flatMap(s -> s.tracks().stream()).distinct().toList();
        assertEquals(FeatureTransform.fit("cases", distinct.stream().map(Track::features).toList()), transform);

        CurrentTransform current = Json.MAPPER.readValue(data.get("transform/current.json").orElseThrow(), CurrentTransform.class);
        assertEquals(new CurrentTransform("cases", "transform/cases/feature-transform.json", "transform/cases/sequences.jsonl"), current);

        assertEquals(new CurrentCatalog("cases", "catalog/cases/catalog.snapshot", CatalogSnapshotFormat.SCHEMA_VERSION, 6, "transform/cases/feature-transform.json"),
                snapshots().current().orElseThrow());
        assertEquals(new DynamoTrackCatalog(dynamo, table).all(), snapshots().loadCurrent().orElseThrow().tracks());
    }

    CatalogSnapshotStore snapshots() {
        return new CatalogSnapshotStore(data, new JacksonJsonCodec());
    }

    @Test
    void theCatalogPointerMovesOnlyAfterTheSnapshotIsStoredWhole() {
        invoke(harvested("first", fixture()));
        Map<String, Object> second = harvested("second", fixture());
        BlobStore failingSnapshotPut = new ForwardingBlobStore(data) {
            @Override
            public void put(String key, byte[] content, String contentType) {
                if (key.equals("catalog/second/catalog.snapshot")) {
                    throw new IllegalStateException("connection reset while uploading " + key);
                }
                super.put(key, content, contentType);
            }
        };
        TransformHandler failing = new TransformHandler(failingSnapshotPut, new DynamoTrackCatalog(dynamo, table),
                FunctionMetrics.create(LambdaEnvironment.of(Map.of())));

        assertThrows(RuntimeException.class, () -> failing.handleRequest(second, null));
        assertEquals("first", snapshots().current().orElseThrow().runId());
        assertEquals("first", snapshots().loadCurrent().orElseThrow().header().runId());
        assertEquals(List.of("catalog/current.json", "catalog/first/catalog.snapshot"), data.list("catalog/"));

        invoke(second); // the state machine's retry
        assertEquals("second", snapshots().loadCurrent().orElseThrow().header().runId());
    }

    @Test
    void runningTheSameRunAgainWritesTheSameThings() {
        Map<String, Object> event = harvested("twice", fixture());
        Map<String, Object> first = invoke(event);
        List<String> keys = new java.util.ArrayList<>(data.list("transform/"));
        keys.addAll(data.list("catalog/"));
        Map<String, byte[]> objects = new java.util.HashMap<>();
        keys.forEach(key -> objects.put(key, data.get(key).orElseThrow()));

        Map<String, Object> second = invoke(event);

        assertEquals(first, second);
        assertEquals(keys.stream().filter(k -> k.startsWith("transform/")).toList(), data.list("transform/"));
        assertEquals(List.of("catalog/current.json", "catalog/twice/catalog.snapshot"), data.list("catalog/"));
        keys.forEach(key -> assertArrayEquals(objects.get(key), data.get(key).orElseThrow(), key));
        assertEquals(6, count(table));
    }

    @Test
    void aRunWithoutASnapshotOrABadEventIsRefusedAndNothingIsWritten() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> invoke(Map.of("runId", "never-harvested")));
        assertEquals("runId", unknown.field());
        assertTrue(unknown.getMessage().contains("run Harvest first"), unknown.getMessage());
        assertEquals("runId", assertThrows(InvalidInputException.class, () -> invoke(Map.of())).field());
        assertEquals("runId", assertThrows(InvalidInputException.class, () -> invoke(null)).field());
        assertEquals("runId", assertThrows(InvalidInputException.class, () -> invoke(Map.of("runId", "a/../b"))).field());
        assertEquals("runId", assertThrows(InvalidInputException.class, () -> invoke(Map.of("runId", List.of("x")))).field());
        assertEquals(List.of(), data.list(""));
        assertEquals(0, count(table));
    }

    @Test
    void aSnapshotWithoutAnyValidTrackIsRefusedBeforeAnyWrite() throws Exception {
        Path allBad = s3Root.getParent().resolve("all-bad-" + fresh + ".csv");
        List<String> lines = Files.readAllLines(fixture());
        Files.write(allBad, List.of(lines.get(0), lines.get(5), lines.get(8)));  // zero tempo, tempo NA
        Map<String, Object> event = harvested("all-bad", allBad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> invoke(event));
        assertTrue(e.getMessage().contains("no valid track"), e.getMessage());
        assertEquals(List.of(), data.list("transform/"));
        assertEquals(List.of(), data.list("catalog/"));
        assertEquals(0, count(table));
    }

    @Test
    void theSampleEventIsTransformInput() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> sample = Json.MAPPER.readValue(ProjectFiles.repositoryRoot().resolve("events/transform/run.json").toFile(), Map.class);
        Map<String, Object> harvested = harvested((String) sample.get("runId"), fixture());
        assertEquals(harvested.keySet(), sample.keySet());
        assertEquals(sample.get("runId"), invoke(sample).get("runId"));
    }

    @Test
    void theRealTrainingSplitIsTransformedWhole() {
        Map<String, Object> event = harvested("real-split", ProjectFiles.trainingSplit());
        long started = System.nanoTime();
        Map<String, Object> output = invoke(event);
        System.err.printf("transform of the real training split: %d ms%n", (System.nanoTime() - started) / 1_000_000);

        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) output.get("counts");
        @SuppressWarnings("unchecked")
        Map<String, Object> dropped = (Map<String, Object>) counts.get("dropped");
        assertEquals(26_777L, counts.get("rows"));
        assertTrue(((Long) dropped.getOrDefault("zero_tempo", 0L)) >= 1, "the split has a zero-tempo row: " + dropped);
        long droppedTotal = dropped.values().stream().mapToLong(n -> (Long) n).sum();
        assertEquals(26_777L - droppedTotal, counts.get("valid"));
        long stored = (Long) counts.get("stored");
        assertEquals(stored, count(table));

        List<PlaylistSequence> sequences = sequences("transform/real-split/sequences.jsonl");
        assertEquals(counts.get("valid"), sequences.stream().mapToLong(s -> s.tracks().size()).sum());
        Set<String> distinct = new HashSet<>();
        sequences.forEach(s -> s.tracks().forEach(t -> distinct.add(t.id())));
        assertEquals(stored, distinct.size());
        assertTrue(stored > 23_000, "stored " + stored);

        // the snapshot is the table: every field of every track identical to what a scan reads back
        List<Track> scanned = new DynamoTrackCatalog(dynamo, table).all();
        assertEquals(scanned, snapshots().loadCurrent().orElseThrow().tracks());
    }

    /** Items in a table; a COUNT scan still stops at 1 MB per page. */
    private static long count(String table) {
        return dynamo.scanPaginator(b -> b.tableName(table).select("COUNT")).stream().mapToLong(page -> page.count()).sum();
    }

    private List<PlaylistSequence> sequences(String key) {
        String text = new String(data.get(key).orElseThrow(), StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\n")).map(line -> new JacksonJsonCodec()
                .read(line.getBytes(StandardCharsets.UTF_8), PlaylistSequence.class)).toList();
    }

    private static List<String> ids(PlaylistSequence sequence) {
        return sequence.tracks().stream().map(Track::id).toList();
    }

    static Path fixture() {
        try {
            return Path.of(TransformHandlerTest.class.getResource("/catalog/validation-cases.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

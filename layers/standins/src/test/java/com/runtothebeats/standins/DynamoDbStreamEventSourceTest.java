package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local event source mapping against a real DynamoDB Local stream: order, batch size, retries and their
 * backoff (recorded, never slept), ReportBatchItemFailures, checkpoints across restarts, giving up after the last
 * retry, shard rollover, and iterators DynamoDB stops honouring (provoked with DynamoDB Local's own stream clock).
 */
class DynamoDbStreamEventSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static DynamoDbLocalServer server;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    private String table;
    private String streamArn;
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> failedForGood = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeAll
    static void startDynamoDbLocal() {
        server = DynamoDbLocalServer.inMemory();
        dynamo = server.client();
        streams = DynamoDbStreamEventSource.streamsClient(server.endpoint());
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        streams.close();
        dynamo.close();
        server.close();
    }

    @BeforeEach
    void tableWithAStream() {
        table = "Changes" + TABLES.incrementAndGet();
        createTable(table);
        streamArn = DynamoDbStreamEventSource.streamArnOf(dynamo, table);
    }

    @Test
    void deliversRecordsInWriteOrderInBatchesOfAtMostTheBatchSize() {
        List<String> written = write(0, 23);
        List<List<String>> batches = new ArrayList<>();
        DynamoDbStreamEventSource source = source(settings(5, 3), accepting(batches), Optional.empty());

        assertEquals(23, source.pollOnce());

        assertEquals(written, flatten(batches));
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 5), "batches: " + batches);
        assertTrue(batches.stream().anyMatch(batch -> batch.size() == 5), "the batch size was never reached: " + batches);
        assertEquals(List.of(), pauses);
    }

    @Test
    void theNextPollDeliversOnlyWhatWasWrittenSince() {
        List<List<String>> batches = new ArrayList<>();
        DynamoDbStreamEventSource source = caughtUp(batches);

        List<String> later = write(3, 2);
        assertEquals(2, source.pollOnce());

        assertEquals(List.of(later), batches);
        assertEquals(0, source.pollOnce());
    }

    @Test
    void aTargetThatThrowsIsRetriedWithDoublingBackoffUntilTheSameBatchGoesThrough() {
        List<String> written = write(0, 4);
        List<List<String>> calls = new ArrayList<>();
        DynamoDbStreamEventSource source = source(
                new DynamoDbStreamEventSource.Settings("Changes", "TRIM_HORIZON", 10, -1, Duration.ofSeconds(1), Duration.ofMillis(10)),
                batch -> {
                    calls.add(ids(batch));
                    if (calls.size() <= 12) {
                        throw new IllegalStateException("downstream unavailable");
                    }
                    return null;
                }, Optional.empty());

        assertEquals(4, source.pollOnce());

        assertEquals(13, calls.size());
        assertTrue(calls.stream().allMatch(written::equals), "every attempt carries the whole batch: " + calls);
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L),
                pauses.stream().map(Duration::toSeconds).toList(), "doubling from the first retry delay up to 10 s");
        assertEquals(List.of(), failedForGood, "retrying forever never gives up");
        assertTrue(logText().contains("downstream unavailable"), logText());
    }

    @Test
    void aReportedItemFailureRedeliversThatRecordAndTheOnesAfterIt() {
        List<String> written = write(0, 6);
        List<List<String>> calls = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new ArrayList<>();
        DynamoDbStreamEventSource source = new DynamoDbStreamEventSource(streams, streamArn, 10, 3, event -> {
            calls.add(event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("id").getS()).toList());
            if (calls.size() > 1) {
                return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
            }
            // two failures: Lambda goes back to the lowest one
            return failures(event, Map.of(written.get(4), true, written.get(2), true));
        }, deadLetters::addAll);

        assertEquals(6, source.pollOnce());

        assertEquals(List.of(written, written.subList(2, 6)), calls);
        assertEquals(List.of(), deadLetters);
    }

    @Test
    void theRecordsBeforeAReportedFailureAreCheckpointed(@TempDir Path dir) {
        List<String> written = write(0, 6);
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        AtomicReference<DynamoDbStreamEventSource> first = new AtomicReference<>();
        first.set(source(settings(10, 3), batch -> {
            first.get().close(); // stops before the retry, like ./beats serve ending mid-retry
            return batch.get(2).dynamodb().sequenceNumber();
        }, Optional.of(checkpoint)));
        first.get().pollOnce();

        List<List<String>> afterRestart = new ArrayList<>();
        source(settings(10, 3), accepting(afterRestart), Optional.of(checkpoint)).pollOnce();

        assertEquals(List.of(written.subList(2, 6)), afterRestart);
    }

    @Test
    void anItemIdentifierNotInTheBatchFailsAllOfItAndCheckpointsNothing(@TempDir Path dir) {
        List<String> written = write(0, 5);
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<List<String>> calls = new ArrayList<>();
        AtomicReference<DynamoDbStreamEventSource> first = new AtomicReference<>();
        first.set(source(settings(10, 3), batch -> {
            calls.add(ids(batch));
            if (calls.size() == 2) {
                first.get().close();
            }
            return "99999999999999999999"; // no record of this batch
        }, Optional.of(checkpoint)));
        first.get().pollOnce();

        List<List<String>> afterRestart = new ArrayList<>();
        source(settings(10, 3), accepting(afterRestart), Optional.of(checkpoint)).pollOnce();

        assertEquals(List.of(written, written), calls, "the whole batch is retried");
        assertEquals(List.of(written), afterRestart, "nothing of the failed batch was done");
    }

    @Test
    void anUnknownIdentifierInAHandlersResponseFailsTheWholeBatch() {
        List<String> written = write(0, 3);
        List<List<String>> calls = new ArrayList<>();
        DynamoDbStreamEventSource source = new DynamoDbStreamEventSource(streams, streamArn, 10, 3, event -> {
            calls.add(event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("id").getS()).toList());
            return StreamsEventResponse.builder().withBatchItemFailures(calls.size() > 1 ? List.of()
                    : List.of(new StreamsEventResponse.BatchItemFailure("not-a-sequence-number"))).build();
        }, dead -> { });

        source.pollOnce();

        assertEquals(List.of(written, written), calls);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void afterTheLastRetryTheFailingRecordsGoToTheOnFailureDestinationAndReadingMovesOn(int maximumRetryAttempts,
                                                                                        @TempDir Path dir) {
        List<String> written = write(0, 5);
        String poison = written.get(1);
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<List<String>> calls = new ArrayList<>();
        DynamoDbStreamEventSource source = source(settings(10, maximumRetryAttempts), reportingFailureOf(poison, calls),
                Optional.of(checkpoint));

        source.pollOnce();

        List<List<String>> expectedCalls = new ArrayList<>(List.of(written));
        IntStream.range(0, maximumRetryAttempts).forEach(retry -> expectedCalls.add(written.subList(1, 5)));
        assertEquals(expectedCalls, calls, "one attempt plus " + maximumRetryAttempts + " retries of the failed tail");
        assertEquals(maximumRetryAttempts, pauses.size());
        assertEquals(List.of(written.subList(1, 5)), failedForGood);

        calls.clear();
        List<String> later = write(5, 2);
        source.pollOnce();
        assertEquals(List.of(later), calls, "reading moved on past the given-up records");

        List<List<String>> afterRestart = new ArrayList<>();
        assertEquals(0, source(settings(10, maximumRetryAttempts), accepting(afterRestart), Optional.of(checkpoint)).pollOnce());
        assertEquals(List.of(), afterRestart);
        assertEquals(1, failedForGood.size());
    }

    @Test
    void aNewSourceOnTheSameCheckpointFileContinuesAfterTheLastDeliveredRecord(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<String> firstRun = write(0, 4);
        List<List<String>> delivered = new ArrayList<>();
        try (DynamoDbStreamEventSource source = source(settings(3, 3), accepting(delivered), Optional.of(checkpoint))) {
            source.pollOnce();
        }
        assertEquals(firstRun, flatten(delivered));
        JsonNode saved = JSON.readTree(Files.readString(checkpoint));
        assertEquals(streamArn, saved.path("streamArn").asText());

        List<String> secondRun = write(4, 3);
        delivered.clear();
        try (DynamoDbStreamEventSource source = source(settings(3, 3), accepting(delivered), Optional.of(checkpoint))) {
            assertEquals(3, source.pollOnce());
        }

        assertEquals(secondRun, flatten(delivered));
    }

    @Test
    void aCheckpointOfAnotherStreamOrAnUnreadableOneStartsFromTheOldestRecord(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        write(0, 3);
        source(settings(10, 3), accepting(new ArrayList<>()), Optional.of(checkpoint)).pollOnce();
        dynamo.deleteTable(b -> b.tableName(table));
        createTable(table); // the same table again has a new stream
        streamArn = DynamoDbStreamEventSource.streamArnOf(dynamo, table);
        List<String> again = write(0, 2);

        List<List<String>> delivered = new ArrayList<>();
        source(settings(10, 3), accepting(delivered), Optional.of(checkpoint)).pollOnce();
        assertEquals(List.of(again), delivered);

        Files.writeString(checkpoint, "{not json");
        delivered.clear();
        source(settings(10, 3), accepting(delivered), Optional.of(checkpoint)).pollOnce();
        assertEquals(List.of(again), delivered);
        assertTrue(logText().contains("ignoring an unreadable stream checkpoint"), logText());
    }

    @Test
    void deliversAParentShardToItsEndBeforeItsChildren(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<String> written = new ArrayList<>(write(0, 3));
        server.rollOverStreamShards();
        written.addAll(write(3, 3));
        server.rollOverStreamShards();
        written.addAll(write(6, 1));
        assertEquals(3, streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().size());

        List<List<String>> batches = new ArrayList<>();
        source(settings(2, 3), accepting(batches), Optional.of(checkpoint)).pollOnce();

        assertEquals(written, flatten(batches));
        assertEquals(2, JSON.readTree(Files.readString(checkpoint)).path("finished").size(), "both closed shards are done");
    }

    @Test
    void aBatchLeftMidRetryAtTheEndOfAClosedShardIsDeliveredAfterARestart(@TempDir Path dir) {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<String> written = write(0, 3);
        server.rollOverStreamShards();
        AtomicReference<DynamoDbStreamEventSource> first = new AtomicReference<>();
        first.set(source(settings(10, 3), batch -> {
            first.get().close();
            return batch.get(0).dynamodb().sequenceNumber();
        }, Optional.of(checkpoint)));
        first.get().pollOnce();

        List<List<String>> afterRestart = new ArrayList<>();
        source(settings(10, 3), accepting(afterRestart), Optional.of(checkpoint)).pollOnce();

        assertEquals(List.of(written), afterRestart);
    }

    @Test
    void anExpiredIteratorIsReplacedFromTheCheckpointWithinTheSamePoll() {
        List<List<String>> batches = new ArrayList<>();
        DynamoDbStreamEventSource source = caughtUp(batches);

        server.ageStreams(Duration.ofHours(1)); // every iterator handed out so far has expired
        List<String> later = write(3, 2);

        assertEquals(2, source.pollOnce());
        assertEquals(List.of(later), batches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRIM_HORIZON", "LATEST"})
    void aStreamReadWhileEmptyDeliversItsFirstRecordsWithoutCallingThemTrimmed(String startingPosition, @TempDir Path dir) {
        // a new state directory: the source reads the new table's empty stream before anything is written
        List<List<String>> delivered = new ArrayList<>();
        DynamoDbStreamEventSource source = source(new DynamoDbStreamEventSource.Settings("Changes", startingPosition, 10, 3,
                Duration.ofSeconds(1), Duration.ofMillis(10)), accepting(delivered), Optional.of(dir.resolve("streams/Sync.Changes.json")));
        assertEquals(0, source.pollOnce());
        // other tables are written meanwhile (the pipeline's, the runner's): DynamoDB Local numbers every stream's
        // records from one counter, so this stream's first record comes after its shard's starting number
        String other = table;
        table = "Other" + TABLES.incrementAndGet();
        createTable(table);
        write(0, 3);
        table = other;
        List<String> first = write(0, 3);

        assertEquals(3, source.pollOnce());

        assertEquals(List.of(first), delivered);
        assertTrue(!logText().contains("trimmed"), logText());
    }

    @Test
    void recordsTrimmedBeforeTheyWereDeliveredAreSkippedAndReadingGoesOn(@TempDir Path dir) {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        write(0, 3);
        source(settings(10, 3), accepting(new ArrayList<>()), Optional.of(checkpoint)).pollOnce();
        write(3, 2); // written while nothing reads the stream, then kept past its 24 h retention
        server.ageStreams(Duration.ofHours(25));
        List<String> fresh = write(5, 2);

        List<List<String>> delivered = new ArrayList<>();
        source(settings(10, 3), accepting(delivered), Optional.of(checkpoint)).pollOnce();

        assertEquals(List.of(fresh), delivered);
        assertTrue(logText().contains("trimmed"), logText());
    }

    @Test
    void aClosedShardThatExpiredBeforeItWasReadToItsEndIsLeftForItsChild(@TempDir Path dir) {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        write(0, 3);
        source(settings(10, 3), accepting(new ArrayList<>()), Optional.of(checkpoint)).pollOnce();
        write(3, 1);
        server.rollOverStreamShards();
        server.ageStreams(Duration.ofHours(25));
        List<String> fresh = write(4, 2);

        List<List<String>> delivered = new ArrayList<>();
        source(settings(10, 3), accepting(delivered), Optional.of(checkpoint)).pollOnce();

        assertEquals(fresh, flatten(delivered));
        assertTrue(logText().contains("expired before it was read to its end"), logText());
    }

    @Test
    void startingAtLatestDeliversWhatIsWrittenAfterTheFirstPoll() {
        write(0, 2);
        List<List<String>> batches = new ArrayList<>();
        DynamoDbStreamEventSource source = source(
                new DynamoDbStreamEventSource.Settings("Changes", "LATEST", 10, 3, Duration.ofSeconds(1), Duration.ofMillis(10)),
                accepting(batches), Optional.empty());
        assertEquals(0, source.pollOnce());

        List<String> later = write(2, 2);
        source.pollOnce();

        assertEquals(List.of(later), batches);
    }

    @Test
    void aStartedSourceDeliversOnItsOwnThreadAndStopsOnClose() throws InterruptedException {
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        List<String> written = write(0, 3);
        try (DynamoDbStreamEventSource source = source(settings(10, 3), accepting(batches), Optional.empty())) {
            source.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); // a bound on waiting, not a timing
            while (flatten(batches).size() < written.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(written, flatten(batches));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("stream-Changes")),
                "the poller thread ended on close");
    }

    @Test
    void bisectingIsolatesTheRecordTheFunctionErrorsOnAndDeliversTheOthersInOrder(@TempDir Path dir) {
        List<String> written = write(0, 8);
        String poison = written.get(5);
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<List<String>> calls = new ArrayList<>();
        DynamoDbStreamEventSource source = source(bisecting(10, 2, -1), throwingOn(poison, calls), Optional.of(checkpoint));

        assertEquals(8, source.pollOnce());

        assertEquals(List.of(written, written.subList(0, 4), written.subList(4, 8), written.subList(4, 6),
                        written.subList(4, 5), List.of(poison), List.of(poison), List.of(poison), written.subList(6, 8)),
                calls, "halves first to last, then two retries of the single poison record");
        assertEquals(written.stream().filter(id -> !id.equals(poison)).toList(),
                flatten(calls.stream().filter(call -> !call.contains(poison)).toList()), "what went through");
        assertEquals(List.of(List.of(poison)), failedForGood);
        assertEquals(2, pauses.size(), "splitting is not a retry and does not wait: " + pauses);

        List<List<String>> afterRestart = new ArrayList<>();
        assertEquals(0, source(bisecting(10, 2, -1), accepting(afterRestart), Optional.of(checkpoint)).pollOnce());
        assertEquals(List.of(), afterRestart, "everything was checkpointed");
    }

    @Test
    void withoutBisectingAFunctionErrorRetriesTheWholeBatchThenSendsAllOfItToOnFailure() {
        List<String> written = write(0, 8);
        String poison = written.get(5);
        List<List<String>> calls = new ArrayList<>();

        source(settings(10, 2), throwingOn(poison, calls), Optional.empty()).pollOnce();

        assertEquals(List.of(written, written, written), calls);
        assertEquals(List.of(written), failedForGood);
    }

    @Test
    void bisectingLeavesAPartialBatchResponseToRetryFromTheReportedRecord() {
        List<String> written = write(0, 8);
        String poison = written.get(5);
        List<List<String>> calls = new ArrayList<>();

        source(bisecting(10, 1, -1), reportingFailureOf(poison, calls), Optional.empty()).pollOnce();

        assertEquals(List.of(written, written.subList(5, 8)), calls);
        assertEquals(List.of(written.subList(5, 8)), failedForGood);
    }

    @Test
    void recordsOlderThanTheMaximumRecordAgeGoToOnFailureInsteadOfTheFunction() {
        List<String> old = write(0, 3);
        List<List<String>> delivered = new ArrayList<>();
        DynamoDbStreamEventSource source = source(bisecting(10, 3, 60), accepting(delivered), Optional.empty());
        now.set(Instant.now().plus(Duration.ofDays(1)));

        assertEquals(3, source.pollOnce());
        assertEquals(List.of(), delivered);
        assertEquals(List.of(old), failedForGood);
        assertTrue(logText().contains("older than MaximumRecordAgeInSeconds"), logText());

        List<String> fresh = write(3, 2);
        now.set(Instant.now()); // the fresh records are at most seconds old
        source.pollOnce();
        assertEquals(List.of(fresh), delivered);
        assertEquals(List.of(old), failedForGood);
    }

    @Test
    void aRecordThatAgesPastTheMaximumWhileBeingRetriedGoesToOnFailure() {
        List<String> written = write(0, 2);
        List<List<String>> calls = new ArrayList<>();
        DynamoDbStreamEventSource source = source(bisecting(10, -1, 3600), batch -> {
            calls.add(ids(batch));
            if (calls.size() == 3) {
                now.set(now.get().plus(Duration.ofHours(2))); // the retries took that long
            }
            if (calls.size() > 10) {
                throw new AssertionError("still retrying a record past its maximum age"); // ends the test, unlike a function error
            }
            return batch.get(0).dynamodb().sequenceNumber();
        }, Optional.empty());

        source.pollOnce();

        assertEquals(List.of(written, written, written), calls, "retrying forever stops at the record age");
        assertEquals(List.of(written), failedForGood);
    }

    @Test
    void recordsNoFilterPatternMatchesAreSkippedAndCheckpointed(@TempDir Path dir) {
        Path checkpoint = dir.resolve("streams/Sync.Changes.json");
        List<String> inserted = write(0, 3);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(inserted.get(1)),
                "note", AttributeValue.fromS("changed"))));
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(inserted.get(0)))));
        StreamEventFilter insertsOnly = StreamEventFilter.of(List.of("{\"eventName\": [\"INSERT\"]}"));
        List<List<String>> delivered = new ArrayList<>();

        assertEquals(5, filtered(insertsOnly, delivered, checkpoint).pollOnce());
        assertEquals(List.of(inserted), delivered);

        List<List<String>> afterRestart = new ArrayList<>();
        assertEquals(0, filtered(insertsOnly, afterRestart, checkpoint).pollOnce(), "the skipped records were checkpointed");
        dynamo.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("change-09"))));
        filtered(StreamEventFilter.of(List.of("{\"eventName\": [\"REMOVE\"]}",
                "{\"dynamodb\": {\"NewImage\": {\"id\": {\"S\": [\"change-09\"]}}}}")), afterRestart, checkpoint).pollOnce();
        assertEquals(List.of(List.of("change-09")), afterRestart, "any one pattern matching is enough");
    }

    @Test
    void aFilterPatternBeyondEqualityIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StreamEventFilter.of(List.of("{\"eventName\": [{\"prefix\": \"INS\"}]}")));
        assertTrue(refused.getMessage().contains("eventName"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamEventFilter.of(List.of("{\"eventName\": \"INSERT\"}")));
    }

    private DynamoDbStreamEventSource filtered(StreamEventFilter filter, List<List<String>> delivered, Path checkpoint) {
        return source(new DynamoDbStreamEventSource.Settings("Changes", "TRIM_HORIZON", 10, 3, false, -1, filter,
                Duration.ofSeconds(1), Duration.ofMillis(10)), accepting(delivered), Optional.of(checkpoint));
    }

    private static DynamoDbStreamEventSource.Settings bisecting(int batchSize, int maximumRetryAttempts, int maximumRecordAgeInSeconds) {
        return new DynamoDbStreamEventSource.Settings("Changes", "TRIM_HORIZON", batchSize, maximumRetryAttempts, true,
                maximumRecordAgeInSeconds, StreamEventFilter.EVERY_RECORD, Duration.ofSeconds(1), Duration.ofMillis(10));
    }

    /** An in-memory source that has delivered the first three records written; {@code batches} records what comes next. */
    private DynamoDbStreamEventSource caughtUp(List<List<String>> batches) {
        DynamoDbStreamEventSource source = source(settings(10, 3), accepting(batches), Optional.empty());
        write(0, 3);
        source.pollOnce();
        batches.clear();
        return source;
    }

    private DynamoDbStreamEventSource source(DynamoDbStreamEventSource.Settings settings, DynamoDbStreamEventSource.BatchTarget target,
                                             Optional<Path> checkpoint) {
        return new DynamoDbStreamEventSource(streams, streamArn, settings, target, failed -> failedForGood.add(ids(failed)),
                checkpoint, log, pauses::add, clock);
    }

    private static DynamoDbStreamEventSource.Settings settings(int batchSize, int maximumRetryAttempts) {
        return new DynamoDbStreamEventSource.Settings("Changes", "TRIM_HORIZON", batchSize, maximumRetryAttempts,
                Duration.ofSeconds(1), Duration.ofMillis(10));
    }

    /** A function that errors on every batch holding {@code poison}; {@code calls} records each batch it gets. */
    private static DynamoDbStreamEventSource.BatchTarget throwingOn(String poison, List<List<String>> calls) {
        return batch -> {
            calls.add(ids(batch));
            if (ids(batch).contains(poison)) {
                throw new IllegalStateException("cannot handle " + poison);
            }
            return null;
        };
    }

    /** A function that reports {@code poison} as a batch item failure; {@code calls} records each batch it gets. */
    private static DynamoDbStreamEventSource.BatchTarget reportingFailureOf(String poison, List<List<String>> calls) {
        return batch -> {
            calls.add(ids(batch));
            return batch.stream().filter(r -> id(r).equals(poison)).findFirst().map(r -> r.dynamodb().sequenceNumber()).orElse(null);
        };
    }

    private static DynamoDbStreamEventSource.BatchTarget accepting(List<List<String>> batches) {
        return batch -> {
            batches.add(ids(batch));
            return null;
        };
    }

    private static StreamsEventResponse failures(DynamodbEvent event, Map<String, Boolean> failedIds) {
        List<StreamsEventResponse.BatchItemFailure> failures = event.getRecords().stream()
                .filter(r -> failedIds.containsKey(r.getDynamodb().getKeys().get("id").getS()))
                .map(r -> new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()))
                .toList();
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private List<String> write(int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String id = String.format("change-%02d", i);
            dynamo.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
            ids.add(id);
        }
        return ids;
    }

    private static void createTable(String name) {
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    private static String id(Record record) {
        return record.dynamodb().keys().get("id").s();
    }

    private static List<String> ids(List<Record> batch) {
        return batch.stream().map(DynamoDbStreamEventSourceTest::id).toList();
    }

    private static List<String> flatten(List<List<String>> batches) {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}

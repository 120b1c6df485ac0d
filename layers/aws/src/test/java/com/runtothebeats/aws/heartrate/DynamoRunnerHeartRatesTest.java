package com.runtothebeats.aws.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.core.heartrate.HeartRateRecorder;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateStateContendedException;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.heartrate.StoredHeartRate;
import com.runtothebeats.core.heartrate.SuggestedTempo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runner's heart-rate state under concurrent writers, against DynamoDB Local. Races are played
 * deterministically: a writer reads, another commits, then the first writes.
 */
class DynamoRunnerHeartRatesTest {

    private static final String RUNNER = "runner-1";
    private static final Instant T0 = Instant.parse("2026-11-24T19:00:00Z");
    private static final String DEVICE = RunnerHeartRate.SOURCE_GOOGLE_HEALTH;

    private AmazonDynamoDBLocal local;
    private DynamoDbClient dynamo;
    private DynamoHeartRateSamples samples;
    private DynamoRunnerHeartRates states;
    private HeartRateRecorder recorder;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners");
        TemplateTables.createProjectTable(dynamo, "HeartRateTable", "heart-rate");
        samples = new DynamoHeartRateSamples(dynamo, "heart-rate");
        states = new DynamoRunnerHeartRates(dynamo, "runners");
        recorder = new HeartRateRecorder(samples, states);
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    private static HeartRateSample at(int minutes, int bpm) {
        return new HeartRateSample(T0.plusSeconds(60L * minutes), bpm);
    }

    private Optional<RunnerHeartRate> record(List<HeartRateSample> readings, String source) {
        return recorder.record(RUNNER, states.read(RUNNER), readings, source);
    }

    @Test
    void anOlderReadingWrittenAfterANewerOneLeavesTheCurrentReadingButWidensTheEstimates() {
        record(List.of(at(30, 150)), DEVICE);
        record(List.of(at(5, 52), at(10, 197)), RunnerHeartRate.SOURCE_MANUAL);

        RunnerHeartRate state = states.find(RUNNER).orElseThrow();
        assertEquals(150, state.current());
        assertEquals(T0.plusSeconds(1800), state.at());
        assertEquals(DEVICE, state.source(), "the older reading's source does not replace the current one's");
        assertEquals(52, state.resting());
        assertEquals(197, state.max());
        assertEquals(SuggestedTempo.forHeartRate(150, 52, 197), state.suggestedTargetTempo(),
                "the tempo of the current reading, on the widened estimates");
        assertEquals(2, states.read(RUNNER).version());
    }

    @Test
    void aNewerReadingReplacesTheCurrentOneAndItsSource() {
        record(List.of(at(0, 150)), DEVICE);
        record(List.of(at(1, 140)), RunnerHeartRate.SOURCE_MANUAL);
        RunnerHeartRate state = states.find(RUNNER).orElseThrow();
        assertEquals(140, state.current());
        assertEquals(RunnerHeartRate.SOURCE_MANUAL, state.source());
    }

    @Test
    void interleavedWritersBothEndUpInTheEstimates() {
        record(List.of(at(0, 120)), DEVICE);
        StoredHeartRate readBySlowSync = states.read(RUNNER);

        // another sync, of a newer window, commits between the slow sync's read and its write
        record(List.of(at(29, 201), at(30, 150)), DEVICE);
        // the slow sync of an older window, with a lower resting rate, writes last
        Optional<RunnerHeartRate> result = recorder.record(RUNNER, readBySlowSync, List.of(at(10, 47), at(11, 60)), DEVICE);

        RunnerHeartRate state = states.find(RUNNER).orElseThrow();
        assertEquals(state, result.orElseThrow());
        assertEquals(47, state.resting(), "the slow sync's contribution");
        assertEquals(201, state.max(), "the other sync's contribution, not regressed to what the slow sync read");
        assertEquals(150, state.current(), "the newer reading stays current");
        assertEquals(T0.plusSeconds(1800), state.at());
        assertEquals(SuggestedTempo.forHeartRate(150, 47, 201), state.suggestedTargetTempo());
        assertEquals(3, states.read(RUNNER).version(), "three writes: the slow sync's first attempt wrote nothing");
        assertEquals(List.of(120, 47, 60, 201, 150),
                samples.between(RUNNER, T0, T0.plusSeconds(3600)).stream().map(HeartRateSample::bpm).toList());
    }

    @Test
    void aWriteFromAStaleVersionIsRefused() {
        record(List.of(at(0, 120)), DEVICE);
        StoredHeartRate stale = states.read(RUNNER);
        record(List.of(at(1, 130)), DEVICE);

        assertFalse(states.replaceIfVersion(RUNNER, RunnerHeartRate.unknown(), stale.version()));
        assertFalse(states.replaceIfVersion(RUNNER, RunnerHeartRate.unknown(), 0), "version 0 means never written");
        assertEquals(130, states.find(RUNNER).orElseThrow().current());
    }

    @Test
    void theSameReadingsAgainWriteNothing() {
        record(List.of(at(0, 120), at(1, 130)), DEVICE);
        StoredHeartRate first = states.read(RUNNER);
        record(List.of(at(0, 120), at(1, 130)), DEVICE);
        assertEquals(first, states.read(RUNNER), "a redelivered notification does not contend for the item");
    }

    @Test
    void givesUpAfterBoundedAttemptsWhenAnotherWriterAlwaysCommitsFirst() {
        record(List.of(at(0, 120)), DEVICE);
        AtomicInteger conditionalWrites = new AtomicInteger();
        RunnerHeartRates contended = new AlwaysOvertaken(states, recorder, conditionalWrites);

        HeartRateStateContendedException e = assertThrows(HeartRateStateContendedException.class,
                () -> new HeartRateRecorder(samples, contended).record(RUNNER, contended.read(RUNNER),
                        List.of(at(40, 170)), DEVICE));

        assertEquals(HeartRateRecorder.MAX_ATTEMPTS, conditionalWrites.get());
        assertTrue(e.getMessage().contains(RUNNER) && e.getMessage().contains("retry"), e.getMessage());
        RunnerHeartRate state = states.find(RUNNER).orElseThrow();
        assertEquals(60 - HeartRateRecorder.MAX_ATTEMPTS, state.resting(), "every other writer's contribution kept");
        assertEquals(120, state.current(), "ours was not written");
    }

    @Test
    void aClearDuringASyncIsNotUndoneByIt() {
        record(List.of(at(0, 120)), DEVICE);
        StoredHeartRate readBySync = states.read(RUNNER);

        states.clear(RUNNER); // the runner disconnects while the sync fetches
        samples.deleteAll(RUNNER);
        Optional<RunnerHeartRate> result = recorder.record(RUNNER, readBySync, List.of(at(5, 150)), DEVICE);

        assertTrue(result.isEmpty(), "the clear wins");
        assertTrue(states.find(RUNNER).isEmpty(), "no state brought back");
        assertEquals(List.of(), samples.between(RUNNER, T0, T0.plusSeconds(3600)), "the sync's samples deleted again");

        Optional<RunnerHeartRate> typedAfterwards = record(List.of(at(10, 140)), RunnerHeartRate.SOURCE_MANUAL);
        assertEquals(140, typedAfterwards.orElseThrow().current(), "a write that read after the clear is stored");
        assertEquals(new RunnerHeartRate(140, T0.plusSeconds(600), 60, 190, SuggestedTempo.forHeartRate(140, 60, 190),
                RunnerHeartRate.SOURCE_MANUAL), states.find(RUNNER).orElseThrow(), "nothing from before the clear");
    }

    @Test
    void aClearOfARunnerWithoutAnItemStillStopsAFirstWriteInFlight() {
        StoredHeartRate readBySync = states.read(RUNNER);
        assertEquals(StoredHeartRate.NEVER_WRITTEN, readBySync);

        states.clear(RUNNER);

        assertTrue(recorder.record(RUNNER, readBySync, List.of(at(5, 150)), DEVICE).isEmpty());
        assertTrue(states.find(RUNNER).isEmpty());
    }

    @Test
    void aStateWrittenBeforeVersionsExistedTakesTheFirstConditionalWrite() {
        dynamo.updateItem(r -> r.tableName("runners").key(Map.of("runnerId", AttributeValue.fromS(RUNNER)))
                .updateExpression("SET displayName = :name, restingHeartRate = :resting, maxHeartRate = :max, "
                        + "currentHeartRate = :current, currentHeartRateAt = :at, heartRateSource = :source")
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("Ada"),
                        ":resting", AttributeValue.fromN("55"), ":max", AttributeValue.fromN("192"),
                        ":current", AttributeValue.fromN("150"), ":at", AttributeValue.fromS(at(0, 150).timestamp().toString()),
                        ":source", AttributeValue.fromS(DEVICE))));
        assertEquals(0, states.read(RUNNER).version());

        record(List.of(at(1, 160)), DEVICE);

        RunnerHeartRate state = states.find(RUNNER).orElseThrow();
        assertEquals(160, state.current());
        assertEquals(55, state.resting());
        assertEquals(1, states.read(RUNNER).version());
        assertEquals("Ada", dynamo.getItem(r -> r.tableName("runners").key(Map.of("runnerId", AttributeValue.fromS(RUNNER))))
                .item().get("displayName").s(), "the profile is left alone");
    }

    /** The real store, where another writer commits a lower resting reading just before each conditional write. */
    private record AlwaysOvertaken(DynamoRunnerHeartRates store, HeartRateRecorder otherWriter, AtomicInteger writes)
            implements RunnerHeartRates {

        @Override
        public StoredHeartRate read(String runnerId) {
            return store.read(runnerId);
        }

        @Override
        public boolean replaceIfVersion(String runnerId, RunnerHeartRate state, long expectedVersion) {
            int n = writes.incrementAndGet();
            otherWriter.record(runnerId, store.read(runnerId), List.of(at(-n, 60 - n)), DEVICE);
            return store.replaceIfVersion(runnerId, state, expectedVersion);
        }

        @Override
        public void clear(String runnerId) {
            store.clear(runnerId);
        }
    }
}

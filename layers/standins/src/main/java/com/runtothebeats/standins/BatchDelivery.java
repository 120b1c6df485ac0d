package com.runtothebeats.standins;

import com.runtothebeats.standins.DynamoDbStreamEventSource.BatchTarget;
import com.runtothebeats.standins.DynamoDbStreamEventSource.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda's batch retry policy for a stream event source: a batch is retried with backoff from its first failed
 * record (records before it are done, as with {@code ReportBatchItemFailures}) until it succeeds or
 * {@code maximumRetryAttempts} is used up (negative: retry forever); then the rest goes to the on-failure
 * destination. A target that throws failed the whole batch, as a function error does; with
 * {@code BisectBatchOnFunctionError} such a batch is split in two and each half delivered in turn, down to single
 * records, before retries are spent. Records older than {@code MaximumRecordAgeInSeconds} go to on-failure instead.
 * The checkpoint moves on after every record that is done, delivered or given up on.
 */
final class BatchDelivery {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** How retries wait; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    interface RetryPause {
        void pause(Duration delay) throws InterruptedException;
    }

    /** A failed batch's records still to deliver, and how many retries they have used (bisecting uses none). */
    private record Piece(List<Record> records, int retries) {
    }

    /** What one invocation did: succeeded, failed from a record (a partial batch response), or errored. */
    private record Attempt(String failedFrom, boolean functionError) {
        static final Attempt SUCCEEDED = new Attempt(null, false);
    }

    private final Settings settings;
    private final BatchTarget target;
    private final Consumer<List<Record>> onFailure;
    private final StreamCheckpoint checkpoint;
    private final RetryPause retryPause;
    private final Clock clock;
    private final BooleanSupplier running;
    private final PrintStream log;

    BatchDelivery(Settings settings, BatchTarget target, Consumer<List<Record>> onFailure, StreamCheckpoint checkpoint,
                  RetryPause retryPause, Clock clock, BooleanSupplier running, PrintStream log) {
        this.settings = settings;
        this.target = target;
        this.onFailure = onFailure;
        this.checkpoint = checkpoint;
        this.retryPause = retryPause;
        this.clock = clock;
        this.running = running;
        this.log = log;
    }

    /**
     * Delivers a batch, retrying it (or its unprocessed tail) until done or given up on. A split is not a retry
     * (AWS: "Splitting batches doesn't consume the retry quota"), so each half keeps the retries its batch had
     * used, and a single record that keeps failing has the whole quota before it goes to on-failure.
     * False when the source was stopped mid-retry: the checkpoint then stays before what was not delivered.
     */
    boolean deliver(String shardId, List<Record> batch) throws InterruptedException {
        Deque<Piece> pieces = new ArrayDeque<>();
        pieces.add(new Piece(batch, 0));
        while (!pieces.isEmpty()) {
            if (!running.getAsBoolean()) {
                return false;
            }
            Piece piece = pieces.removeFirst();
            List<Record> pending = withoutExpired(shardId, piece.records());
            if (pending.isEmpty()) {
                continue;
            }
            Attempt attempt = invoke(pending);
            if (attempt == Attempt.SUCCEEDED) {
                checkpointAfter(shardId, pending.get(pending.size() - 1));
                continue;
            }
            if (attempt.functionError() && settings.bisectBatchOnFunctionError() && pending.size() > 1) {
                int half = (pending.size() + 1) / 2;
                pieces.addFirst(new Piece(pending.subList(half, pending.size()), piece.retries()));
                pieces.addFirst(new Piece(pending.subList(0, half), piece.retries()));
                continue;
            }
            // records before the first failure are done; retry from it. An identifier that is not in the batch fails
            // all of it, as on Lambda, and then nothing of it may be checkpointed.
            int failed = indexOf(pending, attempt.failedFrom());
            if (failed > 0) {
                checkpointAfter(shardId, pending.get(failed - 1));
                pending = pending.subList(failed, pending.size());
            }
            int retries = piece.retries() + 1;
            int maximum = settings.maximumRetryAttempts();
            if (maximum >= 0 && retries > maximum) {
                giveUp(shardId, pending);
                continue;
            }
            pieces.addFirst(new Piece(pending, retries));
            retryPause.pause(backoff(retries));
        }
        return true;
    }

    /** The first retry waits {@code firstRetryDelay}, each one after twice as long, up to 10 s. */
    private Duration backoff(int retry) {
        Duration delay = settings.firstRetryDelay();
        for (int i = 1; i < retry && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * The records young enough for {@code MaximumRecordAgeInSeconds}; older ones at the front go to on-failure (a
     * shard's records are in write order, so once one is young enough the ones after it are too, up to the
     * second-granular creation time, and stopping at the first keeps the checkpoint a prefix).
     */
    private List<Record> withoutExpired(String shardId, List<Record> records) {
        int maximumAge = settings.maximumRecordAgeInSeconds();
        if (maximumAge < 0) {
            return records;
        }
        Instant oldestAllowed = clock.instant().minusSeconds(maximumAge);
        int expired = 0;
        while (expired < records.size() && records.get(expired).dynamodb().approximateCreationDateTime() != null
                && records.get(expired).dynamodb().approximateCreationDateTime().isBefore(oldestAllowed)) {
            expired++;
        }
        if (expired > 0) {
            log.println("stream " + settings.name() + ": " + expired + " record(s) older than MaximumRecordAgeInSeconds "
                    + maximumAge + " go to the on-failure destination");
            giveUp(shardId, records.subList(0, expired));
        }
        return records.subList(expired, records.size());
    }

    private void giveUp(String shardId, List<Record> records) {
        onFailure.accept(List.copyOf(records));
        checkpointAfter(shardId, records.get(records.size() - 1));
    }

    private void checkpointAfter(String shardId, Record record) {
        checkpoint.deliveredUpTo(shardId, record.dynamodb().sequenceNumber());
    }

    /** One invocation of the target; one that throws failed the whole batch, as a function error does on Lambda. */
    private Attempt invoke(List<Record> batch) {
        try {
            String failedFrom = target.deliver(batch);
            return failedFrom == null ? Attempt.SUCCEEDED : new Attempt(failedFrom, false);
        } catch (RuntimeException e) {
            log.println("stream " + settings.name() + ": a batch of " + batch.size() + " failed: " + e);
            return new Attempt(batch.get(0).dynamodb().sequenceNumber(), true);
        }
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return 0;
    }
}

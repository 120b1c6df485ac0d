package com.runtothebeats.standins;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A Lambda event source mapping on a DynamoDB stream, done locally (used by {@code ./beats serve} and by tests):
 * reads a table's stream in DynamoDB Local shard by shard in order (a child shard after its parent) and hands
 * batches to a {@link BatchTarget} through Lambda's retry policy ({@link BatchDelivery}); records no
 * {@code FilterCriteria} pattern matches are skipped. The position is kept per shard ({@link StreamCheckpoint}), on
 * disk when a checkpoint file is given, so nothing is lost or delivered twice across restarts; only records the
 * stream itself trimmed (24 h retention) before they were read are skipped, with a log line.
 */
public final class DynamoDbStreamEventSource implements Runnable, AutoCloseable {

    /** Where batches go: answers the sequence number of the first record that failed, or null when all succeeded. */
    @FunctionalInterface
    public interface BatchTarget {
        String deliver(List<Record> batch);
    }

    /**
     * The event source's settings, as in template.yaml; {@code firstRetryDelay} doubles per retry up to 10 s.
     * {@code maximumRecordAgeInSeconds} -1 is Lambda's default, no limit (the stream's 24 h retention still applies).
     */
    public record Settings(String name, String startingPosition, int batchSize, int maximumRetryAttempts,
                           boolean bisectBatchOnFunctionError, int maximumRecordAgeInSeconds, StreamEventFilter filter,
                           Duration firstRetryDelay, Duration idlePoll) {

        /** Lambda's defaults for the rest: no bisecting, no record age limit, no filter. */
        public Settings(String name, String startingPosition, int batchSize, int maximumRetryAttempts,
                        Duration firstRetryDelay, Duration idlePoll) {
            this(name, startingPosition, batchSize, maximumRetryAttempts, false, -1, StreamEventFilter.EVERY_RECORD,
                    firstRetryDelay, idlePoll);
        }
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Settings settings;
    private final PrintStream log;
    private final ShardReader shards;
    private final StreamCheckpoint checkpoint;
    private final BatchDelivery delivery;
    private volatile boolean running = true;
    private final Object lifecycle = new Object();
    private Thread poller;

    public DynamoDbStreamEventSource(DynamoDbStreamsClient streams, String streamArn, Settings settings, BatchTarget target,
                                     Consumer<List<Record>> onFailure, Optional<Path> checkpointFile, PrintStream log) {
        this(streams, streamArn, settings, target, onFailure, checkpointFile, log, delay -> Thread.sleep(delay.toMillis()),
                Clock.systemUTC());
    }

    /** {@code clock} tells the age of records against {@code MaximumRecordAgeInSeconds}. */
    DynamoDbStreamEventSource(DynamoDbStreamsClient streams, String streamArn, Settings settings, BatchTarget target,
                              Consumer<List<Record>> onFailure, Optional<Path> checkpointFile, PrintStream log,
                              BatchDelivery.RetryPause retryPause, Clock clock) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.settings = settings;
        this.log = log;
        this.checkpoint = StreamCheckpoint.load(streamArn, checkpointFile, log);
        this.shards = new ShardReader(streams, streamArn, settings, checkpoint, log);
        this.delivery = new BatchDelivery(settings, target, onFailure, checkpoint, retryPause, clock, () -> running, log);
    }

    /**
     * For tests: a handler taking {@link DynamodbEvent} from TRIM_HORIZON with ReportBatchItemFailures, retried
     * without delay, position kept in memory; records that failed for good go to {@code onFailure}.
     */
    public DynamoDbStreamEventSource(DynamoDbStreamsClient streams, String streamArn, int batchSize,
                                     int maximumRetryAttempts, Function<DynamodbEvent, StreamsEventResponse> handler,
                                     Consumer<List<DynamodbEvent.DynamodbStreamRecord>> onFailure) {
        this(streams, streamArn, new Settings(streamArn.substring(streamArn.lastIndexOf('/') + 1), "TRIM_HORIZON",
                        batchSize, maximumRetryAttempts, Duration.ZERO, Duration.ofMillis(100)),
                new TypedStreamHandler(streamArn, handler),
                failed -> onFailure.accept(TypedStreamHandler.event(failed, streamArn).getRecords()),
                Optional.empty(), System.err);
    }

    /** A streams client for DynamoDB Local at {@code endpoint}, with the credentials it accepts. */
    public static DynamoDbStreamsClient streamsClient(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(DynamoDbLocalServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DynamoDbLocalServer.ACCESS_KEY_ID, DynamoDbLocalServer.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The stream ARN of a table created with a stream specification. */
    public static String streamArnOf(DynamoDbClient dynamo, String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    /** Polls on a background daemon thread (every {@code idlePoll} while the stream is quiet) until closed. */
    public void start() {
        synchronized (lifecycle) {
            if (poller != null) {
                return;
            }
            poller = new Thread(this, "stream-" + settings.name());
            poller.setDaemon(true);
            poller.start();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (drain() == 0) {
                    Thread.sleep(settings.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.println("stream " + settings.name() + ": " + e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Reads the stream until nothing new is on it, delivering as it goes; returns how many records were read. */
    public int pollOnce() {
        try {
            return drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private synchronized int drain() throws InterruptedException {
        int total = 0;
        for (int read = readEachShardOnce(); read > 0 && running; read = readEachShardOnce()) {
            total += read;
        }
        return total;
    }

    private int readEachShardOnce() throws InterruptedException {
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        Set<String> known = new HashSet<>();
        shards.forEach(shard -> known.add(shard.shardId()));
        int read = 0;
        for (Shard shard : shards) {
            String id = shard.shardId();
            boolean parentPending = shard.parentShardId() != null && known.contains(shard.parentShardId())
                    && !checkpoint.isFinished(shard.parentShardId());
            if (checkpoint.isFinished(id) || parentPending) {
                continue; // records of a child shard come after all of its parent's
            }
            Optional<GetRecordsResponse> next = this.shards.readNext(shard);
            if (next.isEmpty()) {
                continue;
            }
            GetRecordsResponse response = next.get();
            if (!response.records().isEmpty()) {
                List<Record> matching = response.records().stream()
                        .filter(record -> settings.filter().matches(StreamRecordJson.of(record, DynamoDbLocalServer.REGION, streamArn)))
                        .toList();
                if (!matching.isEmpty() && !delivery.deliver(id, matching)) {
                    // stopped mid-retry: the checkpoint is still before the batch, and the shard must not count as
                    // read to its end (that would skip the batch at the next start)
                    this.shards.rewind(id);
                    continue;
                }
                // records the filter skipped after the last delivered one are done too
                checkpoint.deliveredUpTo(id, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
                read += response.records().size();
            }
            this.shards.movedPast(id, response);
        }
        return read;
    }

    /** Stops polling: a batch being retried is left for the next start (its checkpoint is still before it). */
    @Override
    public void close() {
        running = false;
        Thread thread;
        synchronized (lifecycle) {
            thread = poller;
            poller = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

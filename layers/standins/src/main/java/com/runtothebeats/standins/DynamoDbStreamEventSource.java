package com.runtothebeats.standins;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A Lambda event source mapping on a DynamoDB stream, done locally (used by {@code ./beats serve} and by tests):
 * reads a table's stream in DynamoDB Local shard by shard in order (a child shard after its parent) and hands
 * batches to a {@link BatchTarget}. A batch is retried with backoff from its first failed record (records
 * before it are done, as with {@code ReportBatchItemFailures}) until it succeeds or {@code maximumRetryAttempts}
 * is used up (negative: retry forever); then the rest goes to the on-failure destination and reading moves on.
 * A target that throws failed the whole batch, as a function error does; with {@code BisectBatchOnFunctionError}
 * such a batch is split in two and each half delivered in turn, down to single records, before retries are spent.
 * Records older than {@code MaximumRecordAgeInSeconds} go to the on-failure destination instead of the target, and
 * records no {@code FilterCriteria} pattern matches are skipped. The position is kept per shard, on disk
 * when a checkpoint file is given, so nothing is lost or delivered twice across restarts; only records the stream
 * itself trimmed (24 h retention) before they were read are skipped, with a log line.
 */
public final class DynamoDbStreamEventSource implements Runnable, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** Where batches go: answers the sequence number of the first record that failed, or null when all succeeded. */
    @FunctionalInterface
    public interface BatchTarget {
        String deliver(List<Record> batch);
    }

    /** How the source waits between retries of a batch; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    interface RetryPause {
        void pause(Duration delay) throws InterruptedException;
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

    /** A failed batch's records still to deliver, and how many retries they have used (bisecting uses none). */
    private record Piece(List<Record> records, int retries) {
    }

    /** What one invocation did: succeeded, failed from a record (a partial batch response), or errored. */
    private record Attempt(String failedFrom, boolean functionError) {
        static final Attempt SUCCEEDED = new Attempt(null, false);
    }

    /** Per shard, the sequence number of the last record delivered, and the shards read to their end. */
    public record Checkpoint(String streamArn, Map<String, String> delivered, Set<String> finished) {
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Settings settings;
    private final BatchTarget target;
    private final Consumer<List<Record>> onFailure;
    private final Optional<Path> checkpointFile;
    private final PrintStream log;
    private final RetryPause retryPause;
    private final Clock clock;
    private final Map<String, String> iterators = new HashMap<>();
    /**
     * Shards never delivered from whose iterator has so far read nothing: they held no record when it was taken.
     * DynamoDB Local points such an iterator at the shard's starting sequence number but numbers records from one
     * counter shared by every stream, so the shard's first record usually lies past that number, and the next read
     * is refused as TrimmedDataAccess although nothing was trimmed (every record came after the iterator, which is
     * at most 15 minutes old; records live 24 hours).
     */
    private final Set<String> readNothingYet = new HashSet<>();
    private final Checkpoint checkpoint;
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
                              RetryPause retryPause, Clock clock) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.settings = settings;
        this.target = target;
        this.onFailure = onFailure;
        this.checkpointFile = checkpointFile;
        this.log = log;
        this.retryPause = retryPause;
        this.clock = clock;
        this.checkpoint = readCheckpoint();
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
                batch -> firstFailure(batch, handler),
                failed -> onFailure.accept(failed.stream().map(DynamoDbStreamEventSource::toLambdaRecord).toList()),
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
                    && !checkpoint.finished().contains(shard.parentShardId());
            if (checkpoint.finished().contains(id) || parentPending) {
                continue; // records of a child shard come after all of its parent's
            }
            Optional<GetRecordsResponse> next = readNext(shard);
            if (next.isEmpty()) {
                continue;
            }
            GetRecordsResponse response = next.get();
            if (response.records().isEmpty() && !checkpoint.delivered().containsKey(id)) {
                readNothingYet.add(id);
            } else {
                readNothingYet.remove(id);
            }
            if (!response.records().isEmpty()) {
                List<Record> matching = response.records().stream()
                        .filter(record -> settings.filter().matches(StreamRecordJson.of(record, DynamoDbLocalServer.REGION, streamArn)))
                        .toList();
                if (!matching.isEmpty() && !deliver(id, matching)) {
                    // stopped mid-retry: the checkpoint is still before the batch, and the shard must not count as
                    // read to its end (that would skip the batch at the next start)
                    iterators.remove(id);
                    continue;
                }
                // records the filter skipped after the last delivered one are done too
                checkpoint.delivered().put(id, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
                writeCheckpoint();
                read += response.records().size();
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(id);
                finish(id);
            } else {
                // an iterator from an empty read stays valid in DynamoDB Local and sees the records written after it;
                // taking a new one instead would lose, with StartingPosition LATEST, whatever was written in between
                iterators.put(id, response.nextShardIterator());
            }
        }
        return read;
    }

    /**
     * The shard's next records, or empty when it has nothing readable now. Recovers as Lambda does from an iterator
     * DynamoDB no longer honours: one unused for 15 minutes is taken again from the checkpoint; records past the
     * stream's 24 hour retention are gone, so reading goes on at the oldest record kept, or past the shard when it
     * is closed and nothing of it is kept (DynamoDB Local then answers TrimmedDataAccess or ResourceNotFound).
     */
    private Optional<GetRecordsResponse> readNext(Shard shard) {
        String id = shard.shardId();
        boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
        boolean fromOldestKept = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                String iterator = iterators.computeIfAbsent(id, this::iteratorFor);
                return Optional.of(streams.getRecords(b -> b.shardIterator(iterator).limit(settings.batchSize())));
            } catch (ExpiredIteratorException e) {
                iterators.remove(id);
            } catch (TrimmedDataAccessException e) {
                iterators.remove(id);
                if (readNothingYet.remove(id)) {
                    // the shard's first records, not trimmed ones: read them from the oldest (with LATEST too, as
                    // every one came after the position the iterator was taken at)
                    iterators.put(id, oldestKept(id));
                    continue;
                }
                if (fromOldestKept) {
                    if (closed) {
                        log.println("stream " + settings.name() + ": every record of closed shard " + id + " was trimmed; moving on");
                        finish(id);
                    }
                    return Optional.empty();
                }
                String after = checkpoint.delivered().get(id);
                log.println("stream " + settings.name() + ": records of shard " + id + (after == null ? "" : " after " + after)
                        + " were trimmed before they were delivered; reading on from the oldest record kept");
                iterators.put(id, oldestKept(id));
                fromOldestKept = true;
            } catch (ResourceNotFoundException e) {
                if (!closed) {
                    throw e;
                }
                log.println("stream " + settings.name() + ": closed shard " + id + " expired before it was read to its end"
                        + " (last delivered: " + checkpoint.delivered().get(id) + "); moving on");
                iterators.remove(id);
                finish(id);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String oldestKept(String shardId) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    private void finish(String shardId) {
        checkpoint.finished().add(shardId);
        writeCheckpoint();
    }

    private String iteratorFor(String shardId) {
        String after = checkpoint.delivered().get(shardId);
        if (after != null) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
        }
        ShardIteratorType start = "LATEST".equals(settings.startingPosition()) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(start)).shardIterator();
    }

    /**
     * Delivers a batch, retrying it (or its unprocessed tail) until done or given up on; then moves the checkpoint on.
     * With bisecting, a batch the function errored on is split in two, the halves delivered first to last; a split
     * is not a retry (AWS: "Splitting batches doesn't consume the retry quota"), so each half keeps the retries its
     * batch had used, and a single record that keeps failing has the whole quota before it goes to on-failure.
     * False when the source was stopped mid-retry: the checkpoint then stays before what was not delivered.
     */
    private boolean deliver(String shardId, List<Record> batch) throws InterruptedException {
        Deque<Piece> pieces = new ArrayDeque<>();
        pieces.add(new Piece(batch, 0));
        while (!pieces.isEmpty()) {
            if (!running) {
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
        checkpoint.delivered().put(shardId, record.dynamodb().sequenceNumber());
        writeCheckpoint();
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

    /** Runs a typed handler on a batch; the first failed record's sequence number as Lambda reads the response. */
    private static String firstFailure(List<Record> batch, Function<DynamodbEvent, StreamsEventResponse> handler) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(batch.stream().map(DynamoDbStreamEventSource::toLambdaRecord).toList());
        StreamsEventResponse response = handler.apply(event); // throwing is a function error, as on Lambda
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return null;
        }
        for (Record record : batch) {
            String sequenceNumber = record.dynamodb().sequenceNumber();
            for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                if (sequenceNumber.equals(failure.getItemIdentifier())) {
                    return sequenceNumber;
                }
            }
        }
        return batch.get(0).dynamodb().sequenceNumber(); // an unknown identifier fails the whole batch, as on Lambda
    }

    public static DynamodbEvent.DynamodbStreamRecord toLambdaRecord(Record record) {
        DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
        converted.setEventID(record.eventID());
        converted.setEventName(record.eventNameAsString());
        converted.setEventVersion(record.eventVersion());
        converted.setEventSource(record.eventSource());
        converted.setAwsRegion(record.awsRegion());
        StreamRecord stream = new StreamRecord();
        var source = record.dynamodb();
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        if (source.streamViewTypeAsString() != null) {
            stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                    .fromValue(source.streamViewTypeAsString()));
        }
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        stream.setKeys(image(source.keys()));
        if (source.hasNewImage()) {
            stream.setNewImage(image(source.newImage()));
        }
        if (source.hasOldImage()) {
            stream.setOldImage(image(source.oldImage()));
        }
        converted.setDynamodb(stream);
        return converted;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.forEach((name, value) -> out.put(name, attribute(value)));
        return out;
    }

    private static AttributeValue attribute(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue out = new AttributeValue();
        if (value.s() != null) {
            out.setS(value.s());
        } else if (value.n() != null) {
            out.setN(value.n());
        } else if (value.bool() != null) {
            out.setBOOL(value.bool());
        } else if (value.nul() != null) {
            out.setNULL(value.nul());
        } else if (value.b() != null) {
            out.setB(ByteBuffer.wrap(value.b().asByteArray()));
        } else if (value.hasSs()) {
            out.setSS(value.ss());
        } else if (value.hasNs()) {
            out.setNS(value.ns());
        } else if (value.hasL()) {
            out.setL(value.l().stream().map(DynamoDbStreamEventSource::attribute).toList());
        } else if (value.hasM()) {
            out.setM(image(value.m()));
        }
        return out;
    }

    private Checkpoint readCheckpoint() {
        if (checkpointFile.isPresent()) {
            Path file = checkpointFile.get();
            try {
                if (Files.exists(file)) {
                    Checkpoint saved = JSON.readValue(file.toFile(), Checkpoint.class);
                    if (streamArn.equals(saved.streamArn())) {
                        return new Checkpoint(streamArn, new LinkedHashMap<>(saved.delivered()), new HashSet<>(saved.finished()));
                    }
                }
            } catch (IOException e) {
                log.println("ignoring an unreadable stream checkpoint " + file + ": " + e.getMessage());
            }
        }
        return new Checkpoint(streamArn, new LinkedHashMap<>(), new HashSet<>());
    }

    private void writeCheckpoint() {
        if (checkpointFile.isEmpty()) {
            return;
        }
        Path file = checkpointFile.get();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), checkpoint);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stream checkpoint " + file, e);
        }
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

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.standins.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The Lambda event source mapping of a {@code DynamoDB} event in template.yaml, done locally: polls the
 * table's stream in DynamoDB Local and invokes the function with {@code DynamodbEvent} batches, shard by
 * shard in order. A batch is retried with backoff until it succeeds (or {@code MaximumRetryAttempts} is
 * used up, when it is written to {@code streams/failed/} in the state directory like an on-failure
 * destination); the position is checkpointed to disk after each delivered batch, so nothing is lost or
 * delivered twice across restarts. Honours {@code batchItemFailures} when the event source has
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}.
 */
final class DynamoDbStreamPoller implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final SamTemplate.StreamSubscription subscription;
    private final LocalFunction function;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Path checkpointFile;
    private final Path failedDirectory;
    private final PrintStream log;
    private final Map<String, String> iterators = new HashMap<>();
    private final Checkpoint checkpoint;
    private volatile boolean running = true;

    /** Per shard, the sequence number of the last record delivered, and the shards read to their end. */
    record Checkpoint(String streamArn, Map<String, String> delivered, Set<String> finished) {
    }

    DynamoDbStreamPoller(SamTemplate.StreamSubscription subscription, LocalFunction function, DynamoDbStreamsClient streams,
                         String streamArn, Path stateDir, PrintStream log) {
        this.subscription = subscription;
        this.function = function;
        this.streams = streams;
        this.streamArn = streamArn;
        this.checkpointFile = stateDir.resolve("streams").resolve(subscription.functionId() + "." + subscription.eventName() + ".json");
        this.failedDirectory = stateDir.resolve("streams").resolve("failed");
        this.log = log;
        this.checkpoint = readCheckpoint();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(IDLE_POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.println("stream " + subscription.functionId() + "." + subscription.eventName() + ": " + e.getMessage());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** Reads each readable shard once and delivers what it finds; true if anything was delivered. */
    boolean pollOnce() throws InterruptedException {
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        Set<String> known = new HashSet<>();
        shards.forEach(shard -> known.add(shard.shardId()));
        boolean delivered = false;
        for (Shard shard : shards) {
            String id = shard.shardId();
            boolean parentPending = shard.parentShardId() != null && known.contains(shard.parentShardId())
                    && !checkpoint.finished().contains(shard.parentShardId());
            if (checkpoint.finished().contains(id) || parentPending) {
                continue; // records of a child shard come after all of its parent's
            }
            String iterator = iterators.computeIfAbsent(id, this::iteratorFor);
            GetRecordsResponse response;
            try {
                response = streams.getRecords(b -> b.shardIterator(iterator).limit(subscription.batchSize()));
            } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
                // DynamoDB Local invalidates an iterator taken while its shard was still empty: take a new one
                iterators.remove(id);
                continue;
            }
            if (!response.records().isEmpty()) {
                deliver(id, response.records());
                delivered = true;
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(id);
                checkpoint.finished().add(id);
                writeCheckpoint();
            } else if (response.records().isEmpty() && !checkpoint.delivered().containsKey(id)) {
                iterators.remove(id); // nothing read yet: a fresh iterator next time (see above)
            } else if (iterators.containsKey(id)) {
                iterators.put(id, response.nextShardIterator());
            }
        }
        return delivered;
    }

    private String iteratorFor(String shardId) {
        String after = checkpoint.delivered().get(shardId);
        if (after != null) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
        }
        ShardIteratorType start = "LATEST".equals(subscription.startingPosition()) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(start)).shardIterator();
    }

    /** Delivers a batch, retrying it (or its unprocessed tail) until done; then moves the checkpoint on. */
    private void deliver(String shardId, List<Record> batch) throws InterruptedException {
        List<Record> pending = batch;
        int attempt = 0;
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            String failedFrom;
            try {
                String output = function.invoke(event(pending).toString());
                // as on Lambda, a batchItemFailures answer counts only when the event source asks for it
                failedFrom = subscription.reportBatchItemFailures() ? firstBatchItemFailure(output) : null;
            } catch (FunctionError e) {
                log.println(function.logicalId() + " failed on a stream batch of " + pending.size() + ": " + e.errorType() + ": " + e.getMessage());
                failedFrom = pending.get(0).dynamodb().sequenceNumber();
            }
            if (failedFrom == null) {
                checkpoint.delivered().put(shardId, pending.get(pending.size() - 1).dynamodb().sequenceNumber());
                writeCheckpoint();
                return;
            }
            // records before the first failure are done; retry from it
            List<Record> remaining = new ArrayList<>();
            for (Record record : pending) {
                if (!remaining.isEmpty() || record.dynamodb().sequenceNumber().equals(failedFrom)) {
                    remaining.add(record);
                } else {
                    checkpoint.delivered().put(shardId, record.dynamodb().sequenceNumber());
                }
            }
            writeCheckpoint();
            pending = remaining.isEmpty() ? pending : remaining;
            attempt++;
            int maximum = subscription.maximumRetryAttempts();
            if (maximum >= 0 && attempt > maximum) {
                keepFailedBatch(pending);
                checkpoint.delivered().put(shardId, pending.get(pending.size() - 1).dynamodb().sequenceNumber());
                writeCheckpoint();
                return;
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        // stopping mid-retry: the checkpoint still points before the batch, so it is delivered next time
        iterators.remove(shardId);
    }

    /** The sequence number of the first failed item of a {@code StreamsEventResponse}, or null when all succeeded. */
    private static String firstBatchItemFailure(String output) {
        if (output == null) {
            return null;
        }
        try {
            JsonNode failures = JSON.readTree(output).path("batchItemFailures");
            String first = null;
            for (JsonNode failure : failures) {
                String id = failure.path("itemIdentifier").asText(null);
                if (id != null && (first == null || new java.math.BigInteger(id).compareTo(new java.math.BigInteger(first)) < 0)) {
                    first = id;
                }
            }
            return first;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The batch as Lambda delivers it: a {@code DynamodbEvent} in DynamoDB's attribute-value JSON. */
    ObjectNode event(List<Record> records) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode r = array.addObject();
            r.put("eventID", record.eventID());
            r.put("eventName", record.eventNameAsString());
            r.put("eventVersion", record.eventVersion());
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", LocalStack.REGION);
            ObjectNode dynamodb = r.putObject("dynamodb");
            var change = record.dynamodb();
            Instant created = change.approximateCreationDateTime() == null ? Instant.now() : change.approximateCreationDateTime();
            dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
            if (change.hasKeys()) {
                dynamodb.set("Keys", image(change.keys()));
            }
            if (change.hasNewImage()) {
                dynamodb.set("NewImage", image(change.newImage()));
            }
            if (change.hasOldImage()) {
                dynamodb.set("OldImage", image(change.oldImage()));
            }
            dynamodb.put("SequenceNumber", change.sequenceNumber());
            dynamodb.put("SizeBytes", change.sizeBytes());
            dynamodb.put("StreamViewType", change.streamViewTypeAsString());
            r.put("eventSourceARN", streamArn);
        }
        return event;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> out.set(name, attribute(value)));
        return out;
    }

    private static JsonNode attribute(AttributeValue value) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> out.put("S", value.s());
            case N -> out.put("N", value.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.put("BOOL", value.bool());
            case NUL -> out.put("NULL", true);
            case SS -> value.ss().forEach(out.putArray("SS")::add);
            case NS -> value.ns().forEach(out.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> out.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
            case M -> out.set("M", image(value.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                value.l().forEach(item -> list.add(attribute(item)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return out;
    }

    private void keepFailedBatch(List<Record> batch) {
        try {
            Files.createDirectories(failedDirectory);
            Path file = failedDirectory.resolve(subscription.functionId() + "-" + System.currentTimeMillis() + ".json");
            Files.writeString(file, event(batch).toPrettyString());
            log.println(function.logicalId() + ": batch of " + batch.size() + " kept in " + file + " after "
                    + subscription.maximumRetryAttempts() + " retries");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a failed stream batch", e);
        }
    }

    private Checkpoint readCheckpoint() {
        try {
            if (Files.exists(checkpointFile)) {
                Checkpoint saved = JSON.readValue(checkpointFile.toFile(), Checkpoint.class);
                if (streamArn.equals(saved.streamArn())) {
                    return new Checkpoint(streamArn, new LinkedHashMap<>(saved.delivered()), new HashSet<>(saved.finished()));
                }
            }
        } catch (IOException e) {
            log.println("ignoring an unreadable stream checkpoint " + checkpointFile + ": " + e.getMessage());
        }
        return new Checkpoint(streamArn, new LinkedHashMap<>(), new HashSet<>());
    }

    private void writeCheckpoint() {
        try {
            Files.createDirectories(checkpointFile.getParent());
            Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), checkpoint);
            Files.move(temporary, checkpointFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stream checkpoint " + checkpointFile, e);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

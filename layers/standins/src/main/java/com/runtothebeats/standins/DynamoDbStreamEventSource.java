package com.runtothebeats.standins;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local counterpart of a Lambda event source mapping on a DynamoDB stream: reads a table's stream (in
 * DynamoDB Local) shard by shard, hands batches to a handler as {@link DynamodbEvent}, and honours the
 * handler's batch item failures the way Lambda does with {@code ReportBatchItemFailures}: records before the
 * first failure are done, the batch is retried from it up to {@code maximumRetryAttempts} times, then the
 * failed records go to the on-failure destination and reading moves on.
 */
public final class DynamoDbStreamEventSource implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final int batchSize;
    private final int maximumRetryAttempts;
    private final Function<DynamodbEvent, StreamsEventResponse> handler;
    private final Consumer<List<DynamodbEvent.DynamodbStreamRecord>> onFailure;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final java.util.Set<String> finishedShards = new java.util.HashSet<>();
    private final Map<String, String> lastDelivered = new HashMap<>();
    private ScheduledExecutorService poller;

    public DynamoDbStreamEventSource(DynamoDbStreamsClient streams, String streamArn, int batchSize,
                                     int maximumRetryAttempts, Function<DynamodbEvent, StreamsEventResponse> handler,
                                     Consumer<List<DynamodbEvent.DynamodbStreamRecord>> onFailure) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.batchSize = batchSize;
        this.maximumRetryAttempts = maximumRetryAttempts;
        this.handler = handler;
        this.onFailure = onFailure;
    }

    /** A streams client for DynamoDB Local at {@code endpoint}, with the credentials it accepts. */
    public static DynamoDbStreamsClient streamsClient(java.net.URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(software.amazon.awssdk.regions.Region.of(DynamoDbLocalServer.REGION))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                DynamoDbLocalServer.ACCESS_KEY_ID, DynamoDbLocalServer.SECRET_ACCESS_KEY)))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    /** The stream ARN of a table created with a stream specification. */
    public static String streamArnOf(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    /** Polls every {@code interval} on a background thread until closed. */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-" + streamArn.substring(streamArn.lastIndexOf('/') + 1));
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                System.err.println("stream poll failed: " + e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads what is on the stream now and delivers it; returns how many records were delivered. */
    public synchronized int pollOnce() {
        int delivered = 0;
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            if (!finishedShards.contains(shard.shardId())) {
                delivered += pollShard(shard.shardId());
            }
        }
        return delivered;
    }

    private int pollShard(String shardId) {
        int delivered = 0;
        try {
            String iterator = iterators.computeIfAbsent(shardId, this::iteratorFor);
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(current).limit(batchSize));
                iterator = response.nextShardIterator();
                if (response.records().isEmpty()) {
                    break;
                }
                deliver(response.records().stream().map(DynamoDbStreamEventSource::toLambdaRecord).toList());
                lastDelivered.put(shardId, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
                delivered += response.records().size();
            }
            if (iterator == null) {
                iterators.remove(shardId);
                finishedShards.add(shardId);
            } else if (lastDelivered.containsKey(shardId)) {
                iterators.put(shardId, iterator);
            } else {
                // DynamoDB Local invalidates an iterator taken on a shard that was still empty: take a new one next time.
                iterators.remove(shardId);
            }
        } catch (TrimmedDataAccessException | ExpiredIteratorException stale) {
            iterators.remove(shardId); // resume after the last delivered record on the next poll
        }
        return delivered;
    }

    private String iteratorFor(String shardId) {
        String after = lastDelivered.get(shardId);
        return streams.getShardIterator(r -> {
            r.streamArn(streamArn).shardId(shardId);
            if (after == null) {
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    private void deliver(List<DynamodbEvent.DynamodbStreamRecord> batch) {
        List<DynamodbEvent.DynamodbStreamRecord> pending = batch;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(pending);
            StreamsEventResponse response;
            try {
                response = handler.apply(event);
            } catch (RuntimeException e) {
                response = StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        StreamsEventResponse.BatchItemFailure.builder()
                                .withItemIdentifier(pending.get(0).getDynamodb().getSequenceNumber()).build())).build();
            }
            int failedAt = firstFailure(pending, response);
            if (failedAt < 0) {
                return;
            }
            pending = pending.subList(failedAt, pending.size());
            if (attempt >= maximumRetryAttempts) {
                onFailure.accept(List.copyOf(pending));
                return;
            }
        }
    }

    private static int firstFailure(List<DynamodbEvent.DynamodbStreamRecord> records, StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        int first = records.size();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).getDynamodb().getSequenceNumber().equals(failure.getItemIdentifier())) {
                    first = Math.min(first, i);
                }
            }
        }
        return first == records.size() ? 0 : first; // an unknown identifier fails the whole batch, as on Lambda
    }

    static DynamodbEvent.DynamodbStreamRecord toLambdaRecord(Record record) {
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

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}

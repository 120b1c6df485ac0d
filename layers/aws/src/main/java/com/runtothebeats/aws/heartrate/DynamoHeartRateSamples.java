package com.runtothebeats.aws.heartrate;

import com.runtothebeats.core.heartrate.HeartRatePage;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateSamples;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Samples in the HeartRateTable (pk {@code runnerId}, sk {@code timestamp}). Timestamps are written with a
 * fixed width ({@code 2026-11-24T20:00:05.000Z}) so that their text order is their time order and a range
 * of time is a range of keys. Each sample expires ({@code expiresAt}, TTL) 30 days after it was taken.
 */
public final class DynamoHeartRateSamples implements HeartRateSamples {

    static final Duration RETENTION = Duration.ofDays(30);
    static final DateTimeFormatter KEY_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int BATCH = 25;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoHeartRateSamples(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    static String timestampKey(Instant instant) {
        return KEY_FORMAT.format(instant);
    }

    @Override
    public void save(String runnerId, Collection<HeartRateSample> samples) {
        // One write per instant: a batch may not name the same key twice.
        Map<String, WriteRequest> byKey = new LinkedHashMap<>();
        for (HeartRateSample sample : samples) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("runnerId", AttributeValue.fromS(runnerId));
            item.put("timestamp", AttributeValue.fromS(timestampKey(sample.timestamp())));
            item.put("bpm", AttributeValue.fromN(Integer.toString(sample.bpm())));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(sample.timestamp().plus(RETENTION).getEpochSecond())));
            byKey.put(timestampKey(sample.timestamp()), WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        write(new ArrayList<>(byKey.values()));
    }

    @Override
    public List<HeartRateSample> between(String runnerId, Instant from, Instant to) {
        List<HeartRateSample> samples = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(runnerId, from, to, false)) {
            samples.add(sample(item));
        }
        return samples;
    }

    @Override
    public HeartRatePage latest(String runnerId, Instant from, Instant before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (!from.isBefore(before)) {
            return new HeartRatePage(List.of(), Optional.empty());
        }
        // Newest first, one item past the page: it only tells whether an older page exists.
        List<HeartRateSample> newestFirst = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = dynamo.query(rangeQuery(runnerId, from, before)
                    .scanIndexForward(false)
                    .limit(limit + 1 - newestFirst.size())
                    .exclusiveStartKey(startKey).build());
            response.items().forEach(item -> newestFirst.add(sample(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && newestFirst.size() <= limit);
        boolean more = newestFirst.size() > limit;
        List<HeartRateSample> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        Collections.reverse(page);
        return new HeartRatePage(page, more ? Optional.of(page.get(0).timestamp()) : Optional.empty());
    }

    @Override
    public int deleteBetween(String runnerId, Instant from, Instant to) {
        return deleteAllOf(query(runnerId, from, to, true));
    }

    @Override
    public int deleteAll(String runnerId) {
        return deleteAllOf(query(runnerId, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), true));
    }

    private int deleteAllOf(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> deletes = keys.stream()
                .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
                .toList();
        write(deletes);
        return deletes.size();
    }

    private List<Map<String, AttributeValue>> query(String runnerId, Instant from, Instant to, boolean keysOnly) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = rangeQuery(runnerId, from, to).exclusiveStartKey(startKey);
            if (keysOnly) {
                request.projectionExpression("runnerId, #ts");
            }
            QueryResponse response = dynamo.query(request.build());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private QueryRequest.Builder rangeQuery(String runnerId, Instant from, Instant to) {
        return QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("runnerId = :r AND #ts BETWEEN :from AND :last")
                .expressionAttributeNames(Map.of("#ts", "timestamp"))
                .expressionAttributeValues(Map.of(
                        ":r", AttributeValue.fromS(runnerId),
                        ":from", AttributeValue.fromS(timestampKey(from)),
                        ":last", AttributeValue.fromS(timestampKey(to.minusMillis(1)))));
    }

    private static HeartRateSample sample(Map<String, AttributeValue> item) {
        return new HeartRateSample(Instant.parse(item.get("timestamp").s()), Integer.parseInt(item.get("bpm").n()));
    }

    private void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept " + pending.size() + " heart-rate writes unprocessed");
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(tableName, batch)));
                pending = response.unprocessedItems().getOrDefault(tableName, List.of());
                if (!pending.isEmpty()) {
                    sleep(Math.min(1000L, 25L << attempt));
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package com.runtothebeats.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem as it must be used: at most {@value #BATCH_SIZE} requests a call, and the items DynamoDB
 * leaves unprocessed (throttling) sent again with exponential backoff and full jitter, as AWS recommends,
 * until they are written or {@value #MAX_ATTEMPTS} attempts have failed.
 */
public final class DynamoBatchWrites {

    /** BatchWriteItem's limit. */
    public static final int BATCH_SIZE = 25;
    static final int MAX_ATTEMPTS = 10;
    static final long FIRST_BACKOFF_MS = 50;
    static final long MAX_BACKOFF_MS = 3_000;

    private DynamoBatchWrites() {
    }

    /** Writes every request, {@value #BATCH_SIZE} at a time. */
    public static void writeAll(DynamoDbClient dynamo, String table, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
            writeBatch(dynamo, table, new ArrayList<>(requests.subList(from, Math.min(from + BATCH_SIZE, requests.size()))));
        }
    }

    /** One batch of at most {@value #BATCH_SIZE} requests, unprocessed items retried. */
    public static void writeBatch(DynamoDbClient dynamo, String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 1; ; attempt++) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            Map<String, List<WriteRequest>> unprocessed = response.unprocessedItems();
            if (unprocessed == null || unprocessed.isEmpty() || unprocessed.values().stream().allMatch(List::isEmpty)) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException(unprocessed.get(table).size() + " items were still unprocessed by "
                        + table + " after " + MAX_ATTEMPTS + " attempts");
            }
            pending = unprocessed;
            sleepBackoff(attempt);
        }
    }

    /** Exponential backoff with full jitter, as AWS recommends for unprocessed batch items. */
    public static long backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 16));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    /** Waits {@link #backoff} for the given attempt (unprocessed items of any batch call). */
    public static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}

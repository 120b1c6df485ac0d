package com.runtothebeats.aws.publishing;

import com.runtothebeats.core.publishing.Publication;
import com.runtothebeats.core.publishing.PublicationStore;
import com.runtothebeats.core.publishing.PublishInProgressException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Publish progress in the publications table (pk {@code idempotencyKey}). The record is created with a
 * conditional put; the lease ({@code leaseOwner}, {@code leaseUntil} epoch ms) and every progress write are
 * conditional updates, so duplicates and zombies cannot create a second playlist or rewind progress.
 * {@code createAttemptedAt} (ISO-8601) is written under the lease before each create, and only while no
 * {@code playlistId} is recorded: it tells a retry that a create may have landed unrecorded. Records
 * expire ({@code expiresAt}, TTL) after {@link #RETENTION}: long after any client retries.
 */
public final class DynamoPublicationStore implements PublicationStore {

    static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPublicationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Publication beginOrFind(Publication fresh, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("idempotencyKey", s(fresh.idempotencyKey()));
        item.put("runnerId", s(fresh.runnerId()));
        item.put("fingerprint", s(fresh.fingerprint()));
        item.put("trackCount", n(fresh.trackCount()));
        item.put("itemsAdded", n(0));
        item.put("status", s("STARTED"));
        item.put("createdAt", s(now.toString()));
        item.put("expiresAt", n(now.plus(RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(idempotencyKey)"));
            return fresh;
        } catch (ConditionalCheckFailedException exists) {
            return find(fresh.idempotencyKey()).orElseThrow(() -> new IllegalStateException("publication vanished"));
        }
    }

    @Override
    public Optional<Publication> find(String idempotencyKey) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(idempotencyKey)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Publication(idempotencyKey, item.get("runnerId").s(), item.get("fingerprint").s(),
                Integer.parseInt(item.get("trackCount").n()), instant(item, "createAttemptedAt"),
                text(item, "playlistId"), text(item, "playlistUrl"),
                Integer.parseInt(item.get("itemsAdded").n()), "COMPLETED".equals(text(item, "status"))));
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, Instant now, Instant until) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(idempotencyKey))
                    .updateExpression("SET leaseOwner = :owner, leaseUntil = :until")
                    .conditionExpression("attribute_exists(idempotencyKey) AND (attribute_not_exists(leaseUntil) "
                            + "OR leaseUntil < :now OR leaseOwner = :owner)")
                    .expressionAttributeValues(Map.of(":owner", s(owner), ":until", n(until.toEpochMilli()),
                            ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void release(String idempotencyKey, String owner) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(idempotencyKey))
                    .updateExpression("REMOVE leaseOwner, leaseUntil")
                    .conditionExpression("leaseOwner = :owner")
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Released already (complete) or taken over after lapsing: nothing of ours to release.
        }
    }

    @Override
    public void recordCreateAttempt(String idempotencyKey, String owner, Instant at) {
        updateAsOwner(idempotencyKey, owner, "SET createAttemptedAt = :at, #status = :status",
                " AND attribute_not_exists(playlistId)", Map.of(":at", s(at.toString()), ":status", s("CREATE_ATTEMPTED")));
    }

    @Override
    public void recordPlaylist(String idempotencyKey, String owner, String playlistId, String playlistUrl) {
        updateAsOwner(idempotencyKey, owner, "SET playlistId = :id, playlistUrl = :url, #status = :status",
                " AND attribute_not_exists(playlistId)",
                Map.of(":id", s(playlistId), ":url", s(playlistUrl), ":status", s("PLAYLIST_CREATED")));
    }

    @Override
    public void recordItemsAdded(String idempotencyKey, String owner, int itemsAdded) {
        updateAsOwner(idempotencyKey, owner, "SET itemsAdded = :added, #status = :status", " AND itemsAdded <= :added",
                Map.of(":added", n(itemsAdded), ":status", s("ADDING_ITEMS")));
    }

    @Override
    public void complete(String idempotencyKey, String owner, Instant now) {
        updateAsOwner(idempotencyKey, owner, "SET #status = :status, completedAt = :now REMOVE leaseOwner, leaseUntil", "",
                Map.of(":status", s("COMPLETED"), ":now", s(now.toString())));
    }

    private void updateAsOwner(String idempotencyKey, String owner, String update, String extraCondition,
                               Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":owner", s(owner));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(idempotencyKey))
                    .updateExpression(update)
                    .conditionExpression("leaseOwner = :owner" + extraCondition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException lost) {
            throw new PublishInProgressException("Another request took over this publish.");
        }
    }

    private static Map<String, AttributeValue> key(String idempotencyKey) {
        return Map.of("idempotencyKey", s(idempotencyKey));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null ? value.s() : null;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value != null ? Instant.parse(value) : null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

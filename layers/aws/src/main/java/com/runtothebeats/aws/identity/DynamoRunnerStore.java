package com.runtothebeats.aws.identity;

import com.runtothebeats.core.identity.Runner;
import com.runtothebeats.core.identity.RunnerStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Runner profiles in the runners table (pk {@code runnerId}). Only the profile attributes are written, with
 * UpdateItem: the heart-rate state of the same item belongs to another writer and must survive.
 */
public final class DynamoRunnerStore implements RunnerStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRunnerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Runner> find(String runnerId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(runnerId)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRunner(response.item()));
    }

    @Override
    public Runner saveProfile(String runnerId, String displayName, Instant now) {
        UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table).key(key(runnerId))
                .updateExpression("SET displayName = :name, profileUpdatedAt = :now, createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeValues(Map.of(
                        ":name", AttributeValue.fromS(displayName == null || displayName.isBlank() ? runnerId : displayName),
                        ":now", AttributeValue.fromS(now.toString())))
                .returnValues(ReturnValue.ALL_NEW));
        return toRunner(response.attributes());
    }

    private static Map<String, AttributeValue> key(String runnerId) {
        return Map.of("runnerId", AttributeValue.fromS(runnerId));
    }

    private static Runner toRunner(Map<String, AttributeValue> item) {
        AttributeValue name = item.get("displayName");
        AttributeValue created = item.get("createdAt");
        return new Runner(item.get("runnerId").s(), name != null ? name.s() : null,
                created != null ? Instant.parse(created.s()) : null);
    }
}

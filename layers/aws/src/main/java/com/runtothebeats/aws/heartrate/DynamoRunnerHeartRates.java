package com.runtothebeats.aws.heartrate;

import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.StoredHeartRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The heart-rate attributes of a runner's item in the RunnersTable. Written with UpdateItem so that the
 * profile attributes other functions own (display name, …) are left alone, and conditional on
 * {@code heartRateVersion} so that concurrent writers notice each other (the merging is the domain's,
 * {@link com.runtothebeats.core.heartrate.HeartRateRecorder}). Items written before the version existed read
 * as version 0 and take the first conditional write.
 */
public final class DynamoRunnerHeartRates implements com.runtothebeats.core.heartrate.RunnerHeartRates {

    static final String CURRENT = "currentHeartRate";
    static final String AT = "currentHeartRateAt";
    static final String RESTING = "restingHeartRate";
    static final String MAX = "maxHeartRate";
    static final String TEMPO = "suggestedTargetTempo";
    static final String SOURCE = "heartRateSource";
    static final String UPDATED_AT = "heartRateUpdatedAt";
    static final String VERSION = "heartRateVersion";
    static final String CLEARED_AT_VERSION = "heartRateClearedAtVersion";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoRunnerHeartRates(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public StoredHeartRate read(String runnerId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(key(runnerId))).item();
        if (item == null || item.isEmpty()) {
            return StoredHeartRate.NEVER_WRITTEN;
        }
        RunnerHeartRate state = !item.containsKey(RESTING) ? null : new RunnerHeartRate(
                number(item, CURRENT), item.containsKey(AT) ? Instant.parse(item.get(AT).s()) : null,
                number(item, RESTING), number(item, MAX), number(item, TEMPO),
                item.containsKey(SOURCE) ? item.get(SOURCE).s() : null);
        return new StoredHeartRate(state, longNumber(item, VERSION), longNumber(item, CLEARED_AT_VERSION));
    }

    @Override
    public boolean replaceIfVersion(String runnerId, RunnerHeartRate state, long expectedVersion) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        java.util.function.BiConsumer<String, AttributeValue> put = (attribute, value) -> {
            names.put("#" + attribute, attribute);
            if (value == null) {
                remove.add("#" + attribute);
            } else {
                values.put(":" + attribute, value);
                set.add("#" + attribute + " = :" + attribute);
            }
        };
        put.accept(RESTING, n(state.resting()));
        put.accept(MAX, n(state.max()));
        put.accept(UPDATED_AT, AttributeValue.fromS(Instant.now().toString()));
        put.accept(CURRENT, state.current() == null ? null : n(state.current()));
        put.accept(AT, state.at() == null ? null : AttributeValue.fromS(state.at().toString()));
        put.accept(TEMPO, state.suggestedTargetTempo() == null ? null : n(state.suggestedTargetTempo()));
        put.accept(SOURCE, state.source() == null ? null : AttributeValue.fromS(state.source()));
        put.accept(VERSION, AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#" + VERSION + ")";
        } else {
            values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
            condition = "#" + VERSION + " = :expected";
        }
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key(runnerId)).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException anotherWriterCameFirst) {
            return false;
        }
    }

    @Override
    public void clear(String runnerId) {
        // Unconditional, even for a runner without an item: an in-flight first write (expecting no version)
        // must fail too. Both new values are computed from the version before this update.
        dynamo.updateItem(r -> r.tableName(tableName).key(key(runnerId))
                .updateExpression("SET #version = if_not_exists(#version, :zero) + :one, "
                        + "#cleared = if_not_exists(#version, :zero) + :one "
                        + "REMOVE " + String.join(", ", CURRENT, AT, RESTING, MAX, TEMPO, SOURCE, UPDATED_AT))
                .expressionAttributeNames(Map.of("#version", VERSION, "#cleared", CLEARED_AT_VERSION))
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"))));
    }

    private static Map<String, AttributeValue> key(String runnerId) {
        return Map.of("runnerId", AttributeValue.fromS(runnerId));
    }

    private static Integer number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : Integer.valueOf(value.n());
    }

    private static long longNumber(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}

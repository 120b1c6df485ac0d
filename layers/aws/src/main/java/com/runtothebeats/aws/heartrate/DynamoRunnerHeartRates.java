package com.runtothebeats.aws.heartrate;

import com.runtothebeats.core.heartrate.RunnerHeartRate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The heart-rate attributes of a runner's item in the RunnersTable. Written with UpdateItem so that the
 * profile attributes other functions own (display name, …) are left alone.
 */
public final class DynamoRunnerHeartRates implements com.runtothebeats.core.heartrate.RunnerHeartRates {

    static final String CURRENT = "currentHeartRate";
    static final String AT = "currentHeartRateAt";
    static final String RESTING = "restingHeartRate";
    static final String MAX = "maxHeartRate";
    static final String TEMPO = "suggestedTargetTempo";
    static final String SOURCE = "heartRateSource";
    static final String UPDATED_AT = "heartRateUpdatedAt";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoRunnerHeartRates(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Optional<RunnerHeartRate> find(String runnerId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(Map.of("runnerId", AttributeValue.fromS(runnerId)))).item();
        if (item == null || !item.containsKey(RESTING)) {
            return Optional.empty();
        }
        return Optional.of(new RunnerHeartRate(
                number(item, CURRENT), item.containsKey(AT) ? Instant.parse(item.get(AT).s()) : null,
                number(item, RESTING), number(item, MAX), number(item, TEMPO),
                item.containsKey(SOURCE) ? item.get(SOURCE).s() : null));
    }

    @Override
    public void save(String runnerId, RunnerHeartRate state) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        java.util.function.BiConsumer<String, AttributeValue> put = (attribute, value) -> {
            if (set.length() > 4) {
                set.append(", ");
            }
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, value);
            set.append('#').append(attribute).append(" = :").append(attribute);
        };
        put.accept(RESTING, n(state.resting()));
        put.accept(MAX, n(state.max()));
        put.accept(UPDATED_AT, AttributeValue.fromS(Instant.now().toString()));
        if (state.current() != null) {
            put.accept(CURRENT, n(state.current()));
            put.accept(AT, AttributeValue.fromS(state.at().toString()));
        }
        if (state.suggestedTargetTempo() != null) {
            put.accept(TEMPO, n(state.suggestedTargetTempo()));
        }
        if (state.source() != null) {
            put.accept(SOURCE, AttributeValue.fromS(state.source()));
        }
        dynamo.updateItem(r -> r.tableName(tableName).key(Map.of("runnerId", AttributeValue.fromS(runnerId)))
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void clear(String runnerId) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(Map.of("runnerId", AttributeValue.fromS(runnerId)))
                    .updateExpression("REMOVE " + String.join(", ", CURRENT, AT, RESTING, MAX, TEMPO, SOURCE, UPDATED_AT))
                    .conditionExpression("attribute_exists(runnerId)"));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException noRunnerItem) {
            // nothing stored for this runner: nothing to forget
        }
    }

    private static Integer number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : Integer.valueOf(value.n());
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}

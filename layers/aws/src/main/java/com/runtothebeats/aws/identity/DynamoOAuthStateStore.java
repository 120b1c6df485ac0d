package com.runtothebeats.aws.identity;

import com.runtothebeats.core.identity.OAuthState;
import com.runtothebeats.core.identity.OAuthStateStore;
import com.runtothebeats.core.identity.Provider;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Authorization attempts in the OAuth states table (pk {@code state}, TTL on {@code expiresAt} in epoch
 * seconds). Consuming deletes the item and returns what was there in one call, so a state is good once.
 */
public final class DynamoOAuthStateStore implements OAuthStateStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOAuthStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(OAuthState state) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("state", AttributeValue.fromS(state.state()));
        item.put("provider", AttributeValue.fromS(state.provider().id()));
        item.put("codeVerifier", AttributeValue.fromS(state.codeVerifier()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(state.expiresAt().getEpochSecond())));
        if (state.runnerId() != null) {
            item.put("runnerId", AttributeValue.fromS(state.runnerId()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#s)")
                .expressionAttributeNames(Map.of("#s", "state")));
    }

    @Override
    public Optional<OAuthState> consume(String state, Instant now) {
        DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("state", AttributeValue.fromS(state)))
                .returnValues(ReturnValue.ALL_OLD));
        if (!response.hasAttributes() || response.attributes().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.attributes();
        AttributeValue runner = item.get("runnerId");
        OAuthState found = new OAuthState(state, Provider.fromId(item.get("provider").s()),
                runner != null ? runner.s() : null, item.get("codeVerifier").s(),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
        return found.expiredAt(now) ? Optional.empty() : Optional.of(found);
    }
}

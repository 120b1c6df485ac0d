package com.runtothebeats.aws.identity;

import com.runtothebeats.aws.DynamoBatchWrites;
import com.runtothebeats.core.identity.SessionStore;
import com.runtothebeats.core.identity.SignInSession;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sign-in sessions in the sessions table: pk {@code runnerId}, sk {@code sessionKey}, {@code createdAt} and the
 * TTL attribute {@code expiresAt} in epoch seconds. Keyed by runner so "sign out everywhere" is one strongly
 * consistent Query of the runner's own partition (a GSI would be eventually consistent and could miss the
 * session signed in a moment ago). Reads are strongly consistent: a session deleted at logout is gone for the
 * very next request.
 */
public final class DynamoSessionStore implements SessionStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The sessions table the function's {@code SESSIONS_TABLE} names. */
    public static DynamoSessionStore fromEnvironment(LambdaEnvironment env, DynamoDbClient dynamo) {
        return new DynamoSessionStore(dynamo, env.require("SESSIONS_TABLE"));
    }

    @Override
    public void save(SignInSession session) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "runnerId", AttributeValue.fromS(session.runnerId()),
                "sessionKey", AttributeValue.fromS(session.sessionKey()),
                "createdAt", AttributeValue.fromN(Long.toString(session.createdAt().getEpochSecond())),
                "expiresAt", AttributeValue.fromN(Long.toString(session.expiresAt().getEpochSecond())))));
    }

    @Override
    public Optional<SignInSession> find(String runnerId, String sessionKey, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(runnerId, sessionKey))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        SignInSession session = new SignInSession(runnerId, sessionKey,
                Instant.ofEpochSecond(Long.parseLong(item.get("createdAt").n())),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
        return session.liveAt(now) ? Optional.of(session) : Optional.empty();
    }

    @Override
    public void delete(String runnerId, String sessionKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(runnerId, sessionKey)));
    }

    @Override
    public int deleteAll(String runnerId) {
        List<WriteRequest> deletes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("runnerId = :r")
                    .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(runnerId)))
                    .projectionExpression("runnerId, sessionKey")
                    .exclusiveStartKey(from));
            page.items().forEach(item -> deletes.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(item).build()).build()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        DynamoBatchWrites.writeAll(dynamo, table, deletes);
        return deletes.size();
    }

    private static Map<String, AttributeValue> key(String runnerId, String sessionKey) {
        return Map.of("runnerId", AttributeValue.fromS(runnerId), "sessionKey", AttributeValue.fromS(sessionKey));
    }
}

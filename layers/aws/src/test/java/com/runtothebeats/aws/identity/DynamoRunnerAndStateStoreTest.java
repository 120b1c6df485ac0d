package com.runtothebeats.aws.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.core.identity.OAuthState;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.Runner;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Runner profiles and OAuth states against DynamoDB Local. */
class DynamoRunnerAndStateStoreTest {

    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");
    AmazonDynamoDBLocal local;
    DynamoDbClient dynamo;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners");
        TemplateTables.createProjectTable(dynamo, "OAuthStatesTable", "states");
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    @Test
    void saveProfileKeepsCreatedAtAndTheHeartRateAttributesOfOtherWriters() {
        DynamoRunnerStore runners = new DynamoRunnerStore(dynamo, "runners");
        runners.saveProfile("runner-1", "Ada", NOW);
        dynamo.updateItem(b -> b.tableName("runners").key(Map.of("runnerId", AttributeValue.fromS("runner-1")))
                .updateExpression("SET currentHeartRate = :bpm").expressionAttributeValues(Map.of(":bpm", AttributeValue.fromN("152"))));

        Runner again = runners.saveProfile("runner-1", "Ada L.", NOW.plusSeconds(3600));

        assertEquals(new Runner("runner-1", "Ada L.", NOW), again);
        assertEquals("152", dynamo.getItem(b -> b.tableName("runners").key(Map.of("runnerId", AttributeValue.fromS("runner-1"))))
                .item().get("currentHeartRate").n());
        assertTrue(runners.find("nobody").isEmpty());
    }

    @Test
    void aStateIsConsumedOnceAndNotAfterItExpires() {
        DynamoOAuthStateStore states = new DynamoOAuthStateStore(dynamo, "states");
        states.save(new OAuthState("s1", Provider.SPOTIFY, null, "verifier-1", NOW.plusSeconds(600)));
        states.save(new OAuthState("s2", Provider.GOOGLE_HEALTH, "runner-1", "verifier-2", NOW.plusSeconds(600)));

        OAuthState first = states.consume("s1", NOW).orElseThrow();
        assertEquals("verifier-1", first.codeVerifier());
        assertEquals(null, first.runnerId());
        assertTrue(states.consume("s1", NOW).isEmpty(), "used once");
        assertTrue(states.consume("s2", NOW.plusSeconds(600)).isEmpty(), "expired (TTL deletion is lazy)");
        assertTrue(states.consume("unknown", NOW).isEmpty());
    }
}

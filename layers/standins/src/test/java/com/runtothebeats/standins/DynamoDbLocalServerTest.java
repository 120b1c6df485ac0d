package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.util.Map;

class DynamoDbLocalServerTest {

    @Test
    void servesTheDynamoDbApiOnLoopback() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(); DynamoDbClient client = server.client()) {
            assertEquals("127.0.0.1", server.endpoint().getHost());
            assertTrue(server.port() > 0);
            createTable(client);
            client.putItem(b -> b.tableName("Things").item(Map.of("id", AttributeValue.fromS("a"))));
            assertEquals(1, client.scan(b -> b.tableName("Things")).count());
        }
    }

    @Test
    void onDiskTablesSurviveARestart(@TempDir Path dir) {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.onDisk(dir, 0); DynamoDbClient client = server.client()) {
            createTable(client);
            client.putItem(b -> b.tableName("Things").item(Map.of("id", AttributeValue.fromS("kept"))));
        }
        try (DynamoDbLocalServer server = DynamoDbLocalServer.onDisk(dir, 0); DynamoDbClient client = server.client()) {
            assertEquals(List.of("Things"), client.listTables().tableNames());
            assertEquals("kept", client.getItem(b -> b.tableName("Things").key(Map.of("id", AttributeValue.fromS("kept"))))
                    .item().get("id").s());
        }
    }

    @Test
    void onDiskTablesWriteAheadInsteadOfSyncingEveryItem(@TempDir Path dir) {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.onDisk(dir, 0); DynamoDbClient client = server.client()) {
            createTable(client);
            client.putItem(b -> b.tableName("Things").item(Map.of("id", AttributeValue.fromS("a"))));
            assertTrue(java.nio.file.Files.exists(dir.resolve("shared-local-instance.db-wal")),
                    "SQLite should be in write-ahead-log mode (SqliteDurability)");
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("Things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }
}

package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TemplateTablesTest {

    private static DynamoDbLocalServer dynamo;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocalServer.inMemory();
        client = dynamo.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    @Test
    void createsEveryTableAsTheTemplateDeclaresIt() {
        Map<String, String> names = TemplateTables.createAll(client, SamTemplateTest.sample(), id -> "a-" + id);
        assertEquals(Map.of("Things", "a-Things", "Readings", "a-Readings"), names);

        TableDescription things = client.describeTable(b -> b.tableName("a-Things")).table();
        assertEquals("id", things.keySchema().get(0).attributeName());
        assertEquals("ByBand", things.globalSecondaryIndexes().get(0).indexName());
        assertEquals(KeyType.RANGE, things.globalSecondaryIndexes().get(0).keySchema().get(1).keyType());
        assertEquals(List.of("name"), things.globalSecondaryIndexes().get(0).projection().nonKeyAttributes());
        assertEquals(StreamViewType.NEW_IMAGE, things.streamSpecification().streamViewType());
        assertTrue(things.latestStreamArn() != null);
        assertEquals("expiresAt", client.describeTimeToLive(b -> b.tableName("a-Things")).timeToLiveDescription().attributeName());

        TableDescription readings = client.describeTable(b -> b.tableName("a-Readings")).table();
        assertEquals(2, readings.keySchema().size());
    }

    @Test
    void runningAgainKeepsTheTablesAndAddsWhatTheTemplateGained() {
        SamTemplate template = SamTemplateTest.sample();
        // an older version of the table, without its index or stream
        client.createTable(b -> b.tableName("b-Things").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        client.putItem(b -> b.tableName("b-Things").item(Map.of("id",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("kept"))));

        TemplateTables.createAll(client, template, id -> "b-" + id);
        TemplateTables.createAll(client, template, id -> "b-" + id);

        TableDescription things = client.describeTable(b -> b.tableName("b-Things")).table();
        assertEquals("ByBand", things.globalSecondaryIndexes().get(0).indexName());
        assertEquals(Boolean.TRUE, things.streamSpecification().streamEnabled());
        assertEquals(1, client.scan(b -> b.tableName("b-Things")).count());
    }

    @Test
    void theProjectTablesCanBeCreated() {
        SamTemplate project = SamTemplate.load(java.nio.file.Path.of("../../template.yaml"));
        Map<String, String> names = TemplateTables.createAll(client, project, id -> "p-" + id);
        assertTrue(names.containsKey("TracksTable"));
        assertEquals("TempoIndex", client.describeTable(b -> b.tableName("p-TracksTable")).table()
                .globalSecondaryIndexes().get(0).indexName());
    }
}

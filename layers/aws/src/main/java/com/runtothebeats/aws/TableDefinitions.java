package com.runtothebeats.aws;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The key schemas of the identity, heart-rate and library tables as template.yaml declares them (docs/contracts.md),
 * for creating them in DynamoDB Local: tests and the local stack. TTL and PITR are not modelled here;
 * DynamoDB Local ignores them.
 */
public final class TableDefinitions {

    private TableDefinitions() {
    }

    public static CreateTableRequest providerLinks(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId"), string("provider"), string("providerUser"))
                .keySchema(hash("runnerId"), range("provider"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ExternalUserIndex")
                        .keySchema(hash("providerUser"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .build();
    }

    public static CreateTableRequest runners(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId")).keySchema(hash("runnerId")).build();
    }

    public static CreateTableRequest heartRate(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId"), string("timestamp"))
                .keySchema(hash("runnerId"), range("timestamp")).build();
    }

    public static CreateTableRequest notifications(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("notificationKey")).keySchema(hash("notificationKey"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                .build();
    }

    public static CreateTableRequest oauthStates(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("state")).keySchema(hash("state")).build();
    }

    public static CreateTableRequest sessions(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId"), string("sessionKey"))
                .keySchema(hash("runnerId"), range("sessionKey")).build();
    }

    public static CreateTableRequest libraries(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId"), string("entry"))
                .keySchema(hash("runnerId"), range("entry")).build();
    }

    public static CreateTableRequest bannedSongs(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("runnerId"), string("songKey"))
                .keySchema(hash("runnerId"), range("songKey")).build();
    }

    /** Creates each table unless it exists already (the local stack keeps tables across restarts). */
    public static void createIfAbsent(DynamoDbClient dynamo, List<CreateTableRequest> tables) {
        for (CreateTableRequest table : tables) {
            try {
                dynamo.createTable(table);
            } catch (ResourceInUseException exists) {
                // already there
            }
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}

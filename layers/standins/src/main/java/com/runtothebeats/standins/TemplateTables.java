package com.runtothebeats.standins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the template's DynamoDB tables, with their keys, indexes, streams and TTL, in a DynamoDB Local
 * (or any DynamoDB endpoint): tests and the local stack use the very tables template.yaml deploys, so they
 * cannot drift from it. Idempotent: existing tables are kept and get any index or stream the template has
 * gained since.
 */
public final class TemplateTables {

    /** The project's template, read on first use (the holder class loads it then). */
    private static final class ProjectTemplate {
        static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());
    }

    private TemplateTables() {
    }

    /**
     * Creates one table of the project's own template.yaml (found from the working directory) under {@code name}:
     * how tests make the tables they use, so a key schema is spelled in one place only. Without its TTL: tests run
     * on fixed clocks, mostly days in the past, and DynamoDB Local sweeps expired items as DynamoDB does, at
     * moments of its own, so a test's session or sample would vanish at random. (The local stack's tables keep it.)
     */
    public static void createProjectTable(DynamoDbClient client, String logicalId, String name) {
        create(client, ProjectTemplate.TEMPLATE.table(logicalId), name, false);
    }

    /**
     * @param tableName the local name for a table's logical id (e.g. {@code id -> "beats-" + id})
     * @return logical id → table name, for every table of the template
     */
    public static Map<String, String> createAll(DynamoDbClient client, SamTemplate template, Function<String, String> tableName) {
        Map<String, String> names = new LinkedHashMap<>();
        for (SamTemplate.TableDefinition table : template.tables()) {
            String name = tableName.apply(table.logicalId());
            create(client, table, name);
            names.put(table.logicalId(), name);
        }
        return names;
    }

    /** Creates one table under {@code name}, or brings an existing one up to the definition, TTL included. */
    public static void create(DynamoDbClient client, SamTemplate.TableDefinition table, String name) {
        create(client, table, name, true);
    }

    private static void create(DynamoDbClient client, SamTemplate.TableDefinition table, String name, boolean timeToLive) {
        Optional<TableDescription> existing = describe(client, name);
        if (existing.isEmpty()) {
            client.createTable(b -> {
                b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributeDefinitions(table))
                        .keySchema(keySchema(table.hash(), table.range()));
                if (!table.globalIndexes().isEmpty()) {
                    b.globalSecondaryIndexes(table.globalIndexes().stream().map(TemplateTables::globalIndex).toList());
                }
                if (!table.localIndexes().isEmpty()) {
                    b.localSecondaryIndexes(table.localIndexes().stream().map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.name()).keySchema(keySchema(index.hash(), index.range()))
                            .projection(projection(index)).build()).toList());
                }
                table.streamViewType().ifPresent(view ->
                        b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
            });
        } else {
            addMissing(client, table, name, existing.get());
        }
        table.timeToLiveAttribute().filter(attribute -> timeToLive).ifPresent(attribute -> {
            var current = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            if (!attribute.equals(current.attributeName())) {
                client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
            }
        });
    }

    private static void addMissing(DynamoDbClient client, SamTemplate.TableDefinition table, String name, TableDescription existing) {
        Set<String> present = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        for (SamTemplate.Index index : table.globalIndexes()) {
            if (!present.contains(index.name())) {
                GlobalSecondaryIndex gsi = globalIndex(index);
                client.updateTable(b -> b.tableName(name).attributeDefinitions(attributeDefinitions(table))
                        .globalSecondaryIndexUpdates(u -> u.create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(gsi.indexName()).keySchema(gsi.keySchema()).projection(gsi.projection()).build())));
            }
        }
        boolean streaming = existing.streamSpecification() != null && Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
        if (table.streamViewType().isPresent() && !streaming) {
            client.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(table.streamViewType().get())));
        }
    }

    private static Optional<TableDescription> describe(DynamoDbClient client, String name) {
        // listing first: DynamoDB Local logs a stack trace for every DescribeTable of a missing table
        boolean exists = client.listTablesPaginator().tableNames().stream().anyMatch(name::equals);
        if (!exists) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.describeTable(b -> b.tableName(name)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Only key attributes may be declared; the template lists exactly those. */
    private static List<AttributeDefinition> attributeDefinitions(SamTemplate.TableDefinition table) {
        Map<String, String> types = new LinkedHashMap<>();
        List<SamTemplate.KeyAttribute> keys = new ArrayList<>();
        keys.add(table.hash());
        table.range().ifPresent(keys::add);
        for (SamTemplate.Index index : concat(table.globalIndexes(), table.localIndexes())) {
            keys.add(index.hash());
            index.range().ifPresent(keys::add);
        }
        keys.forEach(key -> types.put(key.name(), key.type()));
        return types.entrySet().stream().map(e -> AttributeDefinition.builder()
                .attributeName(e.getKey()).attributeType(e.getValue()).build()).toList();
    }

    private static List<SamTemplate.Index> concat(List<SamTemplate.Index> a, List<SamTemplate.Index> b) {
        List<SamTemplate.Index> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static GlobalSecondaryIndex globalIndex(SamTemplate.Index index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.hash(), index.range()))
                .projection(projection(index))
                .build();
    }

    private static Projection projection(SamTemplate.Index index) {
        Projection.Builder projection = Projection.builder().projectionType(ProjectionType.fromValue(index.projectionType()));
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    private static List<KeySchemaElement> keySchema(SamTemplate.KeyAttribute hash, Optional<SamTemplate.KeyAttribute> range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        range.ifPresent(r -> schema.add(KeySchemaElement.builder().attributeName(r.name()).keyType(KeyType.RANGE).build()));
        return schema;
    }
}

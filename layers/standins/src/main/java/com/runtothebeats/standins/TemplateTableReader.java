package com.runtothebeats.standins;

import static com.runtothebeats.standins.SamTemplate.asList;
import static com.runtothebeats.standins.SamTemplate.asMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A template table's key schema, indexes, stream and TTL, read from its {@code AWS::DynamoDB::Table} properties. */
final class TemplateTableReader {

    private TemplateTableReader() {
    }

    static SamTemplate.TableDefinition tableOf(SamTemplate.Resource resource) {
        Map<String, Object> p = resource.properties();
        Map<String, String> types = new LinkedHashMap<>();
        asList(p.get("AttributeDefinitions")).forEach(definition -> {
            Map<String, Object> d = asMap(definition);
            types.put(String.valueOf(d.get("AttributeName")), String.valueOf(d.get("AttributeType")));
        });
        List<SamTemplate.KeyAttribute> keys = keySchema(resource.logicalId(), p.get("KeySchema"), types);
        Map<String, Object> stream = asMap(p.get("StreamSpecification"));
        Map<String, Object> ttl = asMap(p.get("TimeToLiveSpecification"));
        Optional<String> ttlAttribute = Boolean.parseBoolean(String.valueOf(ttl.getOrDefault("Enabled", false)))
                ? Optional.of(String.valueOf(ttl.get("AttributeName"))) : Optional.empty();
        return new SamTemplate.TableDefinition(resource.logicalId(), Optional.ofNullable(p.get("TableName")),
                keys.get(0), keys.size() > 1 ? Optional.of(keys.get(1)) : Optional.empty(),
                indexes(resource.logicalId(), p.get("GlobalSecondaryIndexes"), types),
                indexes(resource.logicalId(), p.get("LocalSecondaryIndexes"), types),
                Optional.ofNullable(stream.get("StreamViewType")).map(String::valueOf),
                ttlAttribute);
    }

    private static List<SamTemplate.Index> indexes(String table, Object definitions, Map<String, String> types) {
        return asList(definitions).stream().map(definition -> {
            Map<String, Object> d = asMap(definition);
            String name = String.valueOf(d.get("IndexName"));
            List<SamTemplate.KeyAttribute> keys = keySchema(table + "." + name, d.get("KeySchema"), types);
            Map<String, Object> projection = asMap(d.get("Projection"));
            return new SamTemplate.Index(name, keys.get(0), keys.size() > 1 ? Optional.of(keys.get(1)) : Optional.empty(),
                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL")),
                    asList(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
        }).toList();
    }

    /** HASH first, then RANGE if any, each with its declared attribute type. */
    private static List<SamTemplate.KeyAttribute> keySchema(String owner, Object schema, Map<String, String> types) {
        SamTemplate.KeyAttribute hash = null;
        SamTemplate.KeyAttribute range = null;
        for (Object element : asList(schema)) {
            Map<String, Object> e = asMap(element);
            String name = String.valueOf(e.get("AttributeName"));
            String type = types.get(name);
            if (type == null) {
                throw new IllegalStateException(owner + ": key attribute " + name + " is not in AttributeDefinitions");
            }
            if ("HASH".equals(e.get("KeyType"))) {
                hash = new SamTemplate.KeyAttribute(name, type);
            } else {
                range = new SamTemplate.KeyAttribute(name, type);
            }
        }
        if (hash == null) {
            throw new IllegalStateException(owner + " has no HASH key");
        }
        return range == null ? List.of(hash) : List.of(hash, range);
    }
}

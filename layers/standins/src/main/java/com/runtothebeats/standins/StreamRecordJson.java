package com.runtothebeats.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A DynamoDB stream record as Lambda shows it to a function (one element of a {@code DynamodbEvent}'s
 * {@code Records}, in DynamoDB's attribute-value JSON): what local invocations send and what filter patterns match.
 */
public final class StreamRecordJson {

    private StreamRecordJson() {
    }

    public static ObjectNode of(Record record, String region, String streamArn) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("eventID", record.eventID());
        r.put("eventName", record.eventNameAsString());
        r.put("eventVersion", record.eventVersion());
        r.put("eventSource", "aws:dynamodb");
        r.put("awsRegion", region);
        ObjectNode dynamodb = r.putObject("dynamodb");
        var change = record.dynamodb();
        Instant created = change.approximateCreationDateTime() == null ? Instant.now() : change.approximateCreationDateTime();
        dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
        if (change.hasKeys()) {
            dynamodb.set("Keys", image(change.keys()));
        }
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", image(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", image(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        dynamodb.put("SizeBytes", change.sizeBytes());
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        r.put("eventSourceARN", streamArn);
        return r;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> out.set(name, attribute(value)));
        return out;
    }

    private static JsonNode attribute(AttributeValue value) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> out.put("S", value.s());
            case N -> out.put("N", value.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.put("BOOL", value.bool());
            case NUL -> out.put("NULL", true);
            case SS -> value.ss().forEach(out.putArray("SS")::add);
            case NS -> value.ns().forEach(out.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> out.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
            case M -> out.set("M", image(value.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                value.l().forEach(item -> list.add(attribute(item)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return out;
    }
}

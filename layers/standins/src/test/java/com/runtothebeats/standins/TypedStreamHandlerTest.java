package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TypedStreamHandlerTest {

    private static final String STREAM = "arn:aws:dynamodb:eu-west-1:000000000000:table/Changes/stream/2026-12-05T00:00:00.000";

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(
            java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder> value) {
        var builder = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        value.accept(builder);
        return builder.build();
    }

    private static Record record(String sequenceNumber) {
        var image = Map.of(
                "id", sdk(b -> b.s("runner-1")),
                "bpm", sdk(b -> b.n("171")),
                "raw", sdk(b -> b.b(SdkBytes.fromString("beat", StandardCharsets.UTF_8))),
                "done", sdk(b -> b.bool(true)),
                "gone", sdk(b -> b.nul(true)),
                "tags", sdk(b -> b.ss("tempo", "key")),
                "zones", sdk(b -> b.ns("1", "2")),
                "blobs", sdk(b -> b.bs(SdkBytes.fromString("a", StandardCharsets.UTF_8), SdkBytes.fromString("bc", StandardCharsets.UTF_8))),
                "nested", sdk(b -> b.m(Map.of("inner", sdk(i -> i.s("x"))))),
                "list", sdk(b -> b.l(sdk(i -> i.n("3")), sdk(i -> i.s("y")))));
        return Record.builder().eventID("e-" + sequenceNumber).eventName(OperationType.INSERT).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion(DynamoDbLocalServer.REGION)
                .dynamodb(StreamRecord.builder().sequenceNumber(sequenceNumber).sizeBytes(120L)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .approximateCreationDateTime(Instant.parse("2026-12-05T10:15:30Z"))
                        .keys(Map.of("id", image.get("id"))).newImage(image).build())
                .build();
    }

    private static String utf8(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    @Test
    void everyAttributeTypeReachesTheFunctionAsLambdaBuildsIt() {
        DynamodbEvent event = TypedStreamHandler.event(List.of(record("100")), STREAM);

        DynamodbEvent.DynamodbStreamRecord only = event.getRecords().get(0);
        assertEquals("INSERT", only.getEventName());
        assertEquals(STREAM, only.getEventSourceARN());
        assertEquals("100", only.getDynamodb().getSequenceNumber());
        assertEquals(Instant.parse("2026-12-05T10:15:30Z"), only.getDynamodb().getApproximateCreationDateTime().toInstant());
        Map<String, AttributeValue> image = only.getDynamodb().getNewImage();
        assertEquals("runner-1", image.get("id").getS());
        assertEquals("171", image.get("bpm").getN());
        assertEquals("beat", utf8(image.get("raw").getB()));
        assertTrue(image.get("done").getBOOL());
        assertTrue(image.get("gone").isNULL());
        assertEquals(List.of("tempo", "key"), image.get("tags").getSS());
        assertEquals(List.of("1", "2"), image.get("zones").getNS());
        assertEquals(List.of("a", "bc"), image.get("blobs").getBS().stream().map(TypedStreamHandlerTest::utf8).toList());
        assertEquals("x", image.get("nested").getM().get("inner").getS());
        assertEquals("3", image.get("list").getL().get(0).getN());
        assertEquals("y", image.get("list").getL().get(1).getS());
        assertEquals("runner-1", only.getDynamodb().getKeys().get("id").getS());
    }

    @Test
    void theFirstReportedFailureIsWhereTheRetryStartsAndAnUnknownIdentifierFailsTheBatch() {
        List<Record> batch = List.of(record("1"), record("2"), record("3"));
        List<Integer> sizes = new ArrayList<>();

        assertNull(new TypedStreamHandler(STREAM, event -> {
            sizes.add(event.getRecords().size());
            return new StreamsEventResponse(List.of());
        }).deliver(batch));
        assertEquals(List.of(3), sizes);

        assertEquals("2", new TypedStreamHandler(STREAM, event -> new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure("3"), new StreamsEventResponse.BatchItemFailure("2")))).deliver(batch));
        assertEquals("1", new TypedStreamHandler(STREAM, event -> new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure("not-in-the-batch")))).deliver(batch));
    }
}

package com.runtothebeats.standins;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A handler taking Lambda's typed {@link DynamodbEvent}, as a stream's batch target. Records reach it the way the
 * Lambda runtime builds them: {@link StreamRecordJson} (the event JSON Lambda sends) read by Lambda's own event
 * serializer, so what a function sees in tests is what it sees deployed (every attribute type, binary sets too).
 */
public final class TypedStreamHandler implements DynamoDbStreamEventSource.BatchTarget {

    private static final PojoSerializer<DynamodbEvent> EVENTS =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, TypedStreamHandler.class.getClassLoader());

    private final String streamArn;
    private final Function<DynamodbEvent, StreamsEventResponse> handler;

    public TypedStreamHandler(String streamArn, Function<DynamodbEvent, StreamsEventResponse> handler) {
        this.streamArn = streamArn;
        this.handler = handler;
    }

    /** The first failed record's sequence number as Lambda reads the response; null when all succeeded. */
    @Override
    public String deliver(List<Record> batch) {
        StreamsEventResponse response = handler.apply(event(batch, streamArn)); // throwing is a function error, as on Lambda
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return null;
        }
        for (Record record : batch) {
            String sequenceNumber = record.dynamodb().sequenceNumber();
            for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                if (sequenceNumber.equals(failure.getItemIdentifier())) {
                    return sequenceNumber;
                }
            }
        }
        return batch.get(0).dynamodb().sequenceNumber(); // an unknown identifier fails the whole batch, as on Lambda
    }

    /** The records as the typed event Lambda would hand a function. */
    public static DynamodbEvent event(List<Record> records, String streamArn) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(record -> array.add(StreamRecordJson.of(record, DynamoDbLocalServer.REGION, streamArn)));
        return EVENTS.fromJson(event.toString());
    }
}

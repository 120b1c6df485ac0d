package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test stream consumer: records each new image's id; the first {@code FAIL_FIRST} batches fail, and a
 * record whose id starts with "partial" is reported as a batch item failure once.
 */
public final class StreamRecorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger INVOCATIONS = new AtomicInteger();
    public static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final List<String> PARTIAL_FAILED_ONCE = new CopyOnWriteArrayList<>();

    public StreamRecorder() {
        FAILURES_LEFT.set(LambdaEnvironment.current().getInt("FAIL_FIRST", 0));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        INVOCATIONS.incrementAndGet();
        if (FAILURES_LEFT.getAndDecrement() > 0) {
            throw new IllegalStateException("failing on purpose");
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String id = record.getDynamodb().getNewImage().get("id").getS();
            if (id.startsWith("partial") && !PARTIAL_FAILED_ONCE.contains(id)) {
                PARTIAL_FAILED_ONCE.add(id);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))).build();
            }
            RECEIVED.add(id);
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}

package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** A test stream consumer whose every invocation fails, so its batches end up at the on-failure destination. */
public final class RejectingStreamConsumer implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        INVOCATIONS.incrementAndGet();
        throw new IllegalStateException("rejecting a batch of " + event.getRecords().size());
    }
}

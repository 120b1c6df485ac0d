package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test function that only answers once {@link #PARTIES} invocations are inside it at the same time:
 * it proves the local API serves requests concurrently (each in its own container).
 */
public final class RendezvousHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final int PARTIES = 3;
    public static final CyclicBarrier BARRIER = new CyclicBarrier(PARTIES);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try {
            BARRIER.await(20, TimeUnit.SECONDS);
            return Map.of("met", true, "handler", System.identityHashCode(this));
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other invocations never arrived", e);
        }
    }
}

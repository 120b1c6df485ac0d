package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test pipeline task: fails with {@link TransientFailure} while {@code failuresLeft} in its input is
 * above the calls so far, refuses an input with {@code "bad": true}, and otherwise adds a step count.
 */
public final class FlakyTask implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final AtomicInteger CALLS = new AtomicInteger();

    public static final class TransientFailure extends RuntimeException {
        public TransientFailure(String message) {
            super(message);
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        int call = CALLS.incrementAndGet();
        if (Boolean.TRUE.equals(input.get("bad"))) {
            throw new IllegalArgumentException("bad input");
        }
        int failures = ((Number) input.getOrDefault("failuresLeft", 0)).intValue();
        if (call <= failures) {
            throw new TransientFailure("call " + call + " fails");
        }
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.put("steps", ((Number) input.getOrDefault("steps", 0)).intValue() + 1);
        output.put("counts", Map.of("rows", 3));
        return output;
    }
}

package com.runtothebeats.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.runtothebeats.core.catalog.MalformedDatasetException;
import com.runtothebeats.core.pipeline.HarvestResult;
import com.runtothebeats.core.validation.InvalidInputException;
import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class StepFunctionsTaskTest {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(StepFunctionsTaskTest.class);

    @Test
    void theResultBecomesThePlainJsonObjectTheStateMachinePassesOn() {
        Map<String, Object> output = StepFunctionsTask.run(LambdaContexts.of("HarvestFunction", "req-1"), LOG, "harvest",
                () -> new HarvestResult("r1", "raw/r1/tracks.csv", "raw/r1/manifest.json", new HarvestResult.Counts(3, 1, 2)));
        assertEquals(Map.of("runId", "r1", "rawKey", "raw/r1/tracks.csv", "manifestKey", "raw/r1/manifest.json",
                "counts", Map.of("rows", 3L, "playlists", 1L, "tracks", 2L)), output);
    }

    @Test
    void theInvocationIsLoggedWithTheLambdaContextAndTheContextIsClearedAfterwards() {
        Context context = LambdaContexts.of("TransformFunction", "req-2");
        String[] seen = new String[2];
        StepFunctionsTask.run(context, LOG, "transform", () -> {
            seen[0] = MDC.get("function_name");
            seen[1] = MDC.get("function_request_id");
            return Map.of();
        });
        assertEquals("TransformFunction", seen[0]);
        assertEquals("req-2", seen[1]);
        assertNull(MDC.get("function_request_id"));
    }

    @Test
    void errorsReachTheStateMachineUnchanged() {
        InvalidInputException invalid = new InvalidInputException("runId", "runId is required");
        assertSame(invalid, assertThrows(InvalidInputException.class,
                () -> StepFunctionsTask.run(null, LOG, "transform", () -> { throw invalid; })));
        MalformedDatasetException malformed = new MalformedDatasetException(7, "expected 23 fields but found 2");
        assertSame(malformed, assertThrows(MalformedDatasetException.class,
                () -> StepFunctionsTask.run(null, LOG, "harvest", () -> { throw malformed; })));
        IllegalStateException broken = new IllegalStateException("S3 is down");
        assertSame(broken, assertThrows(IllegalStateException.class,
                () -> StepFunctionsTask.run(null, LOG, "harvest", () -> { throw broken; })));
    }

    @Test
    void textFieldsAreStringsOrAbsent() {
        assertEquals("r1", StepFunctionsTask.text(Map.of("runId", "r1"), "runId", "runId"));
        assertNull(StepFunctionsTask.text(Map.of("runId", "  "), "runId", "runId"));
        assertNull(StepFunctionsTask.text(null, "runId", "runId"));
        assertEquals("source.location", assertThrows(InvalidInputException.class,
                () -> StepFunctionsTask.text(Map.of("location", 3), "location", "source.location")).field());
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.statemachine.ExecutionListener;
import com.runtothebeats.local.statemachine.StateMachineInterpreter;
import com.runtothebeats.local.testfunctions.FlakyTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test project's state machine, run from its ASL file with its tasks in the template's functions. */
class LocalStateMachineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    private static LocalStack stack;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = TestProject.start(state);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void resetCalls() {
        FlakyTask.CALLS.set(0);
    }

    private JsonNode run(String input) throws Exception {
        LocalStateMachine machine = new LocalStateMachine(stack, "TestMachine", waits::add, new ExecutionListener() { });
        return machine.execute("test", JSON.readTree(input));
    }

    @Test
    void tasksRunTheTemplateFunctionsRetryingTheirErrorsWithBackoffAndLoopingThroughTheChoice() throws Exception {
        JsonNode output = run("{\"failuresLeft\": 2}");
        assertEquals(2, output.get("steps").asInt());
        assertEquals(4, FlakyTask.CALLS.get(), "two failures retried, then two successful steps");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void aFunctionErrorThatIsNotRetriedIsCaughtIntoTheFailState() {
        StateMachineInterpreter.ExecutionFailed failed = assertThrows(StateMachineInterpreter.ExecutionFailed.class,
                () -> run("{\"bad\": true}"));
        assertEquals("java.lang.IllegalArgumentException", failed.error());
        assertTrue(failed.errorCause().contains("bad input"), failed.errorCause());
        assertEquals("Failed", failed.state());
        assertEquals(1, FlakyTask.CALLS.get());
        assertTrue(waits.isEmpty());
    }

    @Test
    void functionArnsMapBackToLogicalIds() {
        assertEquals("HarvestFunction", LocalTasks.functionId("arn:aws:lambda:us-east-1:000000000000:function:HarvestFunction"));
        assertEquals("HarvestFunction", LocalTasks.functionId("arn:aws:lambda:us-east-1:000000000000:function:HarvestFunction:live"));
        assertEquals("HarvestFunction", LocalTasks.functionId("HarvestFunction"));
    }
}

package com.runtothebeats.local.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ASL semantics the local pipeline relies on, with tasks answered in the test. */
class StateMachineInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;
    private final ExecutionListener recorder = new ExecutionListener() {
        @Override
        public void stateEntered(String state, String type, JsonNode input) {
            events.add("enter " + state);
        }

        @Override
        public void retrying(String state, StatesError error, int attempt, Duration delay) {
            events.add("retry " + state + " " + attempt);
        }

        @Override
        public void caught(String state, StatesError error, String next) {
            events.add("caught " + state + " -> " + next);
        }
    };

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode run(String definition, String input, TaskInvoker tasks) throws Exception {
        return new StateMachineInterpreter("Test", json(definition), tasks, recordingSleeper, recorder).execute("run-1", json(input));
    }

    @Test
    void choiceRulesPickTheFirstMatchingBranch() throws Exception {
        String definition = """
                {'StartAt': 'Route', 'States': {
                  'Route': {'Type': 'Choice', 'Choices': [
                     {'And': [{'Variable': '$.tempo', 'NumericGreaterThanEquals': 160}, {'Variable': '$.tempo', 'NumericLessThan': 190}], 'Next': 'Run'},
                     {'Or': [{'Variable': '$.mood', 'StringEquals': 'calm'}, {'Variable': '$.mood', 'StringMatches': 'sleep*'}], 'Next': 'Rest'},
                     {'Not': {'Variable': '$.promote', 'IsPresent': true}, 'Next': 'Unknown'},
                     {'Variable': '$.promote', 'BooleanEquals': true, 'Next': 'Promote'},
                     {'Variable': '$.tempo', 'NumericGreaterThanPath': '$.limit', 'Next': 'TooFast'}],
                   'Default': 'Other'},
                  'Run': {'Type': 'Pass', 'Result': 'run', 'End': true},
                  'Rest': {'Type': 'Pass', 'Result': 'rest', 'End': true},
                  'Unknown': {'Type': 'Pass', 'Result': 'unknown', 'End': true},
                  'Promote': {'Type': 'Pass', 'Result': 'promote', 'End': true},
                  'TooFast': {'Type': 'Pass', 'Result': 'too fast', 'End': true},
                  'Other': {'Type': 'Pass', 'Result': 'other', 'End': true}}}
                """;
        TaskInvoker none = (r, i) -> {
            throw new AssertionError("no tasks here");
        };
        assertEquals("run", run(definition, "{'tempo': 172}", none).asText());
        assertEquals("rest", run(definition, "{'tempo': 100, 'mood': 'sleepy'}", none).asText());
        assertEquals("unknown", run(definition, "{'tempo': 100, 'mood': 'wild'}", none).asText());
        assertEquals("promote", run(definition, "{'tempo': 100, 'mood': 'wild', 'promote': true}", none).asText());
        assertEquals("too fast", run(definition, "{'tempo': 200, 'mood': 'wild', 'limit': 195, 'promote': false}", none).asText());
        assertEquals("other", run(definition, "{'tempo': 100, 'mood': 'wild', 'limit': 195, 'promote': false}", none).asText());
        // comparing a variable the input lacks is an error in Step Functions (hence IsPresent), not false
        StateMachineInterpreter.ExecutionFailed missing = assertThrows(StateMachineInterpreter.ExecutionFailed.class,
                () -> run(definition, "{'tempo': 100}", none));
        assertEquals(StatesError.RUNTIME, missing.error());
    }

    @Test
    void aChoiceWithoutMatchOrDefaultFailsTheExecution() {
        String definition = """
                {'StartAt': 'Route', 'States': {
                  'Route': {'Type': 'Choice', 'Choices': [{'Variable': '$.n', 'NumericEquals': 1, 'Next': 'One'}]},
                  'One': {'Type': 'Succeed'}}}
                """;
        StateMachineInterpreter.ExecutionFailed failed = assertThrows(StateMachineInterpreter.ExecutionFailed.class,
                () -> run(definition, "{'n': 2}", (r, i) -> i));
        assertEquals(StatesError.NO_CHOICE_MATCHED, failed.error());
    }

    @Test
    void retriesWithExponentialBackoffThenSucceeds() throws Exception {
        String definition = """
                {'StartAt': 'Work', 'States': {'Work': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:Work',
                  'Retry': [{'ErrorEquals': ['Flaky'], 'IntervalSeconds': 2, 'MaxAttempts': 4, 'BackoffRate': 3, 'MaxDelaySeconds': 10}],
                  'End': true}}}
                """;
        int[] calls = {0};
        JsonNode output = run(definition, "{}", (resource, input) -> {
            if (++calls[0] <= 3) {
                throw new StatesError("Flaky", "not yet");
            }
            return json("{'done': true}");
        });
        assertEquals(json("{'done': true}"), output);
        assertEquals(4, calls[0]);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10)), waits, "2 s, x3, capped at 10 s");
    }

    @Test
    void exhaustedRetriesGoToTheCatchWithTheErrorAtItsResultPath() throws Exception {
        String definition = """
                {'StartAt': 'Work', 'States': {
                  'Work': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:Work',
                    'Retry': [{'ErrorEquals': ['States.TaskFailed'], 'IntervalSeconds': 1, 'MaxAttempts': 2}],
                    'Catch': [{'ErrorEquals': ['NotThis'], 'Next': 'Wrong'}, {'ErrorEquals': ['States.ALL'], 'ResultPath': '$.failure', 'Next': 'Recover'}],
                    'End': true},
                  'Wrong': {'Type': 'Fail', 'Error': 'Wrong'},
                  'Recover': {'Type': 'Pass', 'End': true}}}
                """;
        JsonNode output = run(definition, "{'runId': 'r1'}", (resource, input) -> {
            throw new StatesError("java.lang.IllegalStateException", "boom");
        });
        assertEquals("r1", output.get("runId").asText(), "the state input is kept beside the error");
        assertEquals("java.lang.IllegalStateException", output.get("failure").get("Error").asText());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals(List.of("enter Work", "retry Work 1", "retry Work 2", "caught Work -> Recover", "enter Recover"), events);
    }

    @Test
    void aFailStateEndsTheExecutionWithItsErrorAndCause() {
        String definition = """
                {'StartAt': 'Work', 'States': {
                  'Work': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:Work',
                    'Catch': [{'ErrorEquals': ['States.ALL'], 'ResultPath': '$.failure', 'Next': 'Failed'}], 'End': true},
                  'Failed': {'Type': 'Fail', 'ErrorPath': '$.failure.Error', 'CausePath': '$.failure.Cause'}}}
                """;
        StateMachineInterpreter.ExecutionFailed failed = assertThrows(StateMachineInterpreter.ExecutionFailed.class,
                () -> run(definition, "{}", (r, i) -> {
                    throw new StatesError("BadDataset", "line 7 has 22 columns");
                }));
        assertEquals("BadDataset", failed.error());
        assertEquals("line 7 has 22 columns", failed.errorCause());
        assertEquals("Failed", failed.state());
    }

    @Test
    void aRetrierWithZeroAttemptsStopsRetriesOfThatError() throws Exception {
        String definition = """
                {'StartAt': 'Work', 'States': {
                  'Work': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:Work',
                    'Retry': [{'ErrorEquals': ['BadInput'], 'MaxAttempts': 0}, {'ErrorEquals': ['States.ALL'], 'MaxAttempts': 5}],
                    'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Failed'}], 'End': true},
                  'Failed': {'Type': 'Pass', 'End': true}}}
                """;
        int[] calls = {0};
        JsonNode output = run(definition, "{}", (r, i) -> {
            calls[0]++;
            throw new StatesError("BadInput", "field x");
        });
        assertEquals(1, calls[0]);
        assertEquals("BadInput", output.get("Error").asText(), "without ResultPath the error output replaces the input");
    }

    @Test
    void inputPathParametersResultSelectorResultPathAndOutputPathApplyInOrder() throws Exception {
        String definition = """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work",
                  "InputPath": "$.job",
                  "Parameters": {"name.$": "$.name", "fixed": 1, "greeting.$": "States.Format('hi {} at {}', $.name, $$.Execution.Name)", "nested": {"id.$": "$.id"}},
                  "ResultSelector": {"value.$": "$.Payload.value"},
                  "ResultPath": "$.job.result",
                  "OutputPath": "$.job",
                  "End": true}}}
                """;
        JsonNode[] received = new JsonNode[1];
        JsonNode output = new StateMachineInterpreter("Test", JSON.readTree(definition), (resource, input) -> {
            received[0] = input;
            return json("{'Payload': {'value': 42, 'noise': 'x'}, 'StatusCode': 200}");
        }, recordingSleeper, recorder).execute("run-1", json("{'job': {'name': 'tempo', 'id': 7}, 'other': true}"));
        assertEquals(json("{'name': 'tempo', 'fixed': 1, 'greeting': 'hi tempo at run-1', 'nested': {'id': 7}}"), received[0]);
        assertEquals(json("{'name': 'tempo', 'id': 7, 'result': {'value': 42}}"), output);
    }

    @Test
    void resultPathNullKeepsTheInputAndPassCanInjectAResult() throws Exception {
        String definition = """
                {'StartAt': 'Ignore', 'States': {
                  'Ignore': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:W', 'ResultPath': null, 'Next': 'Add'},
                  'Add': {'Type': 'Pass', 'Result': {'promote': false}, 'ResultPath': '$.train', 'Next': 'Wait'},
                  'Wait': {'Type': 'Wait', 'Seconds': 30, 'End': true}}}
                """;
        JsonNode output = run(definition, "{'a': 1}", (r, i) -> json("{'dropped': true}"));
        assertEquals(json("{'a': 1, 'train': {'promote': false}}"), output);
        assertEquals(List.of(Duration.ofSeconds(30)), waits);
    }

    @Test
    void timeoutsAreTaskErrorsThatCanBeCaught() throws Exception {
        String definition = """
                {'StartAt': 'Slow', 'States': {
                  'Slow': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:Slow', 'TimeoutSeconds': 1,
                    'Catch': [{'ErrorEquals': ['States.Timeout'], 'Next': 'TimedOut'}], 'End': true},
                  'TimedOut': {'Type': 'Pass', 'Result': 'timed out', 'End': true}}}
                """;
        JsonNode output = run(definition, "{}", (r, i) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        });
        assertEquals("timed out", output.asText());
    }

    @Test
    void definitionSubstitutionsAreAppliedAndUnsupportedStatesRejected() throws Exception {
        JsonNode loaded = StateMachineInterpreter.load("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${Fn}\",\"End\":true}}}",
                Map.of("Fn", "arn:aws:lambda:us-east-1:1:function:Harvest"));
        assertEquals("arn:aws:lambda:us-east-1:1:function:Harvest", loaded.at("/States/A/Resource").asText());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StateMachineInterpreter("M",
                json("{'StartAt': 'A', 'States': {'A': {'Type': 'Map', 'End': true}}}"), (r, i) -> i, recordingSleeper, recorder));
        assertTrue(e.getMessage().contains("Map"));
        assertThrows(IllegalArgumentException.class, () -> new StateMachineInterpreter("M",
                json("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'Nowhere'}}}"), (r, i) -> i, recordingSleeper, recorder));
    }

    @Test
    void aMissingPathIsARuntimeErrorThatNoCatchSwallows() {
        String definition = """
                {'StartAt': 'Work', 'States': {'Work': {'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:1:function:W',
                  'InputPath': '$.missing', 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Done'}], 'Next': 'Done'},
                  'Done': {'Type': 'Succeed'}}}
                """;
        StateMachineInterpreter.ExecutionFailed failed = assertThrows(StateMachineInterpreter.ExecutionFailed.class,
                () -> run(definition, "{'a': 1}", (r, i) -> i));
        assertEquals(StatesError.RUNTIME, failed.error());
    }

    @Test
    void resultPathCreatesIntermediateObjects() throws Exception {
        ObjectNode input = (ObjectNode) json("{'a': {}}");
        assertEquals(json("{'a': {'b': {'c': 1}}}"), JsonPaths.write(input, "$.a.b.c", json("1")));
        assertEquals(json("{'a': {}}"), input, "the input is not modified");
    }
}

package com.runtothebeats.local.statemachine;

import static com.runtothebeats.local.statemachine.StateDataFlow.parameters;
import static com.runtothebeats.local.statemachine.StateDataFlow.resultPath;
import static com.runtothebeats.local.statemachine.StateDataFlow.selectPath;
import static com.runtothebeats.local.statemachine.StateDataFlow.waitDuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an Amazon States Language definition: Task, Pass, Choice, Wait, Succeed and Fail states, with
 * InputPath, Parameters, ResultSelector, ResultPath and OutputPath, Retry (ErrorEquals, IntervalSeconds,
 * MaxAttempts, BackoffRate, MaxDelaySeconds) and Catch, in the order the ASL specification gives.
 * Tasks go to a {@link TaskInvoker}; waits go to a {@link Sleeper} so they can be scaled down locally.
 * Map and Parallel states are rejected when the definition is loaded.
 */
public final class StateMachineInterpreter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SUPPORTED = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail");

    private final String name;
    private final JsonNode definition;
    private final TaskInvoker tasks;
    private final Sleeper sleeper;
    private final ExecutionListener listener;

    /** The execution ended in a Fail state or with an error no Catch handled. */
    public static final class ExecutionFailed extends Exception {
        private final StatesError error;
        private final String state;

        ExecutionFailed(String state, StatesError error) {
            super("execution failed in " + state + ": " + error.error() + ": " + error.errorCause());
            this.state = state;
            this.error = error;
        }

        public String error() {
            return error.error();
        }

        public String errorCause() {
            return error.errorCause();
        }

        public String state() {
            return state;
        }
    }

    public StateMachineInterpreter(String name, JsonNode definition, TaskInvoker tasks, Sleeper sleeper, ExecutionListener listener) {
        this.name = name;
        this.definition = definition;
        this.tasks = tasks;
        this.sleeper = sleeper;
        this.listener = listener;
        validate();
    }

    /**
     * Reads an ASL file, replacing each {@code ${Name}} with its DefinitionSubstitutions value, as SAM does
     * at deploy time.
     */
    public static JsonNode load(String aslText, Map<String, String> substitutions) throws IOException {
        String text = aslText;
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            text = text.replace("${" + s.getKey() + "}", s.getValue());
        }
        return JSON.readTree(text);
    }

    private void validate() {
        JsonNode states = definition.path("States");
        if (!definition.path("StartAt").isTextual() || !states.isObject()) {
            throw new IllegalArgumentException(name + ": a state machine needs StartAt and States");
        }
        if (!states.has(definition.get("StartAt").asText())) {
            throw new IllegalArgumentException(name + ": StartAt names no state");
        }
        states.fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("Type").asText();
            if (!SUPPORTED.contains(type)) {
                throw new IllegalArgumentException(name + ": state " + entry.getKey() + " is a " + type
                        + ", which the local runner does not support (supported: " + SUPPORTED + ")");
            }
            for (String link : List.of("Next", "Default")) {
                JsonNode next = entry.getValue().get(link);
                if (next != null && !states.has(next.asText())) {
                    throw new IllegalArgumentException(name + ": " + entry.getKey() + "." + link + " names no state: " + next.asText());
                }
            }
        });
    }

    /** Runs to the end; returns the output of the final state. */
    public JsonNode execute(String executionName, JsonNode input) throws ExecutionFailed, InterruptedException {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:local:000000000000:execution:" + name + ":" + executionName);
        execution.put("Name", executionName);
        execution.put("StartTime", Instant.now().toString());
        execution.set("Input", input);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", "arn:aws:states:local:000000000000:stateMachine:" + name);
        machine.put("Name", name);

        String current = definition.get("StartAt").asText();
        JsonNode data = input;
        while (true) {
            JsonNode state = definition.get("States").get(current);
            String type = state.get("Type").asText();
            ObjectNode stateContext = context.putObject("State");
            stateContext.put("Name", current);
            stateContext.put("EnteredTime", Instant.now().toString());
            stateContext.put("RetryCount", 0);
            listener.stateEntered(current, type, data);
            long started = System.nanoTime();
            Transition transition;
            try {
                transition = run(current, state, data, context);
            } catch (StatesError e) {
                throw new ExecutionFailed(current, e);
            }
            listener.stateExited(current, type, transition.output(), Duration.ofNanos(System.nanoTime() - started));
            if (transition.next() == null) {
                if (type.equals("Fail")) {
                    throw new ExecutionFailed(current, transition.failure());
                }
                return transition.output();
            }
            current = transition.next();
            data = transition.output();
        }
    }

    /** Where to go next ({@code null} at the end) with what; {@code failure} for a Fail state. */
    private record Transition(String next, JsonNode output, StatesError failure) {
        static Transition to(JsonNode state, JsonNode output) {
            boolean end = state.path("End").asBoolean(false);
            return new Transition(end ? null : state.path("Next").asText(null), output, null);
        }
    }

    private Transition run(String stateName, JsonNode state, JsonNode rawInput, ObjectNode context) throws StatesError, InterruptedException {
        String type = state.get("Type").asText();
        switch (type) {
            case "Pass": {
                JsonNode effective = parameters(state, selectPath(state, "InputPath", rawInput, context), context);
                JsonNode result = state.has("Result") ? state.get("Result") : effective;
                return Transition.to(state, selectPath(state, "OutputPath", resultPath(state, rawInput, result), context));
            }
            case "Succeed":
                return new Transition(null, selectPath(state, "OutputPath", selectPath(state, "InputPath", rawInput, context), context), null);
            case "Fail": {
                String error = state.has("ErrorPath") ? JsonPaths.read(rawInput, context, state.get("ErrorPath").asText()).asText()
                        : state.path("Error").asText("States.Fail");
                String cause = state.has("CausePath") ? JsonPaths.read(rawInput, context, state.get("CausePath").asText()).asText()
                        : state.path("Cause").asText("");
                return new Transition(null, rawInput, new StatesError(error, cause));
            }
            case "Choice": {
                JsonNode effective = selectPath(state, "InputPath", rawInput, context);
                for (JsonNode choice : state.path("Choices")) {
                    if (ChoiceRules.matches(choice, effective, context)) {
                        return new Transition(choice.get("Next").asText(), selectPath(state, "OutputPath", effective, context), null);
                    }
                }
                if (state.has("Default")) {
                    return new Transition(state.get("Default").asText(), selectPath(state, "OutputPath", effective, context), null);
                }
                throw new StatesError(StatesError.NO_CHOICE_MATCHED, "no choice of " + stateName + " matched and it has no Default");
            }
            case "Wait": {
                JsonNode effective = selectPath(state, "InputPath", rawInput, context);
                sleeper.sleep(waitDuration(state, effective, context));
                return Transition.to(state, selectPath(state, "OutputPath", effective, context));
            }
            case "Task":
                return task(stateName, state, rawInput, context);
            default:
                throw new StatesError(StatesError.RUNTIME, "unsupported state type " + type);
        }
    }

    private Transition task(String stateName, JsonNode state, JsonNode rawInput, ObjectNode context) throws StatesError, InterruptedException {
        JsonNode effective = parameters(state, selectPath(state, "InputPath", rawInput, context), context);
        String resource = state.get("Resource").asText();
        // per retrier, by identity: two retriers with the same settings still count separately
        Map<JsonNode, Integer> attempts = new IdentityHashMap<>();
        while (true) {
            try {
                JsonNode result = invokeWithTimeout(resource, effective, state);
                if (state.has("ResultSelector")) {
                    result = PayloadTemplates.apply(state.get("ResultSelector"), result, context);
                }
                return Transition.to(state, selectPath(state, "OutputPath", resultPath(state, rawInput, result), context));
            } catch (StatesError error) {
                JsonNode retrier = firstMatching(state.path("Retry"), error);
                if (retrier != null) {
                    int done = attempts.getOrDefault(retrier, 0);
                    int maxAttempts = retrier.path("MaxAttempts").asInt(3);
                    if (done < maxAttempts) {
                        double interval = retrier.path("IntervalSeconds").asDouble(1);
                        double backoff = retrier.path("BackoffRate").asDouble(2.0);
                        double seconds = interval * Math.pow(backoff, done);
                        if (retrier.has("MaxDelaySeconds")) {
                            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
                        }
                        Duration delay = Duration.ofMillis(Math.round(seconds * 1000));
                        attempts.put(retrier, done + 1);
                        ((ObjectNode) context.get("State")).put("RetryCount", done + 1);
                        listener.retrying(stateName, error, done + 1, delay);
                        sleeper.sleep(delay);
                        continue;
                    }
                }
                JsonNode catcher = firstMatching(state.path("Catch"), error);
                if (catcher == null) {
                    throw error;
                }
                ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
                errorOutput.put("Error", error.error());
                errorOutput.put("Cause", error.errorCause());
                String next = catcher.get("Next").asText();
                listener.caught(stateName, error, next);
                JsonNode output = resultPath(catcher, rawInput, errorOutput);
                return new Transition(next, output, null);
            }
        }
    }

    private JsonNode invokeWithTimeout(String resource, JsonNode input, JsonNode state) throws StatesError, InterruptedException {
        if (!state.has("TimeoutSeconds")) {
            return tasks.invoke(resource, input);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "task-" + resource);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<JsonNode> future = executor.submit(() -> tasks.invoke(resource, input));
            return future.get(state.get("TimeoutSeconds").asLong(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StatesError(StatesError.TIMEOUT, "the task did not finish within " + state.get("TimeoutSeconds").asLong() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatesError error) {
                throw error;
            }
            throw new StatesError(StatesError.TASK_FAILED, String.valueOf(e.getCause()));
        } finally {
            executor.shutdownNow();
        }
    }

    private static JsonNode firstMatching(JsonNode handlers, StatesError error) {
        for (JsonNode handler : handlers) {
            for (JsonNode name : handler.path("ErrorEquals")) {
                if (error.matches(name.asText())) {
                    return handler;
                }
            }
        }
        return null;
    }
}

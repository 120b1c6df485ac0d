package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.local.statemachine.ExecutionListener;
import com.runtothebeats.local.statemachine.Sleeper;
import com.runtothebeats.local.statemachine.StateMachineInterpreter;
import com.runtothebeats.standins.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A state machine of template.yaml, run locally from its ASL file: the DefinitionSubstitutions are
 * resolved to local values (a function's {@code !GetAtt …Arn} becomes a local function ARN) and its Lambda
 * tasks run the template's functions in this JVM.
 */
public final class LocalStateMachine {

    private final SamTemplate.StateMachineDefinition definition;
    private final StateMachineInterpreter interpreter;

    public LocalStateMachine(LocalStack stack, String logicalId, Sleeper sleeper, ExecutionListener listener) {
        this.definition = stack.template().stateMachines().stream()
                .filter(machine -> machine.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("template.yaml has no state machine " + logicalId));
        Path file = stack.projectRoot().resolve(definition.definitionUri().orElseThrow(() ->
                new IllegalStateException(logicalId + " has no DefinitionUri; the local runner reads the ASL from a file")));
        Map<String, String> substitutions = new LinkedHashMap<>();
        definition.definitionSubstitutions().forEach((name, value) -> substitutions.put(name, stack.values().resolveString(value)));
        try {
            JsonNode asl = StateMachineInterpreter.load(Files.readString(file), substitutions);
            this.interpreter = new StateMachineInterpreter(logicalId, asl, new LocalTasks(stack::function), sleeper, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The template's only state machine, or the one asked for when there are several. */
    public static String onlyStateMachine(SamTemplate template) {
        List<SamTemplate.StateMachineDefinition> machines = template.stateMachines();
        if (machines.size() != 1) {
            throw new IllegalStateException("template.yaml has " + machines.size() + " state machines; name one");
        }
        return machines.get(0).logicalId();
    }

    public JsonNode execute(String executionName, JsonNode input) throws StateMachineInterpreter.ExecutionFailed, InterruptedException {
        return interpreter.execute(executionName, input);
    }
}

package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** What happens during an execution, for progress output and tests; every method is optional. */
public interface ExecutionListener {

    default void stateEntered(String state, String type, JsonNode input) {
    }

    default void stateExited(String state, String type, JsonNode output, Duration took) {
    }

    default void retrying(String state, StatesError error, int attempt, Duration delay) {
    }

    default void caught(String state, StatesError error, String next) {
    }
}

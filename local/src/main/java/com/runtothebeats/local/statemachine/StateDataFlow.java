package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How a state's input becomes its effective input and its result becomes its output (ASL's paths), and Wait's delay. */
final class StateDataFlow {

    private StateDataFlow() {
    }

    /** InputPath or OutputPath: absent keeps the whole document, null gives {}, a path selects part of it. */
    static JsonNode selectPath(JsonNode state, String field, JsonNode document, JsonNode context) throws StatesError {
        if (!state.has(field)) {
            return document;
        }
        JsonNode path = state.get(field);
        return path.isNull() ? JsonNodeFactory.instance.objectNode() : JsonPaths.read(document, context, path.asText());
    }

    static JsonNode parameters(JsonNode state, JsonNode input, JsonNode context) throws StatesError {
        return state.has("Parameters") ? PayloadTemplates.apply(state.get("Parameters"), input, context) : input;
    }

    /** ResultPath: {@code $} (default) replaces the input, null keeps the input, a path puts the result inside it. */
    static JsonNode resultPath(JsonNode state, JsonNode rawInput, JsonNode result) throws StatesError {
        if (!state.has("ResultPath")) {
            return result;
        }
        JsonNode path = state.get("ResultPath");
        return path.isNull() ? rawInput : JsonPaths.write(rawInput, path.asText(), result);
    }

    static Duration waitDuration(JsonNode state, JsonNode input, JsonNode context) throws StatesError {
        if (state.has("Seconds")) {
            return Duration.ofSeconds(state.get("Seconds").asLong());
        }
        if (state.has("SecondsPath")) {
            return Duration.ofSeconds(JsonPaths.read(input, context, state.get("SecondsPath").asText()).asLong());
        }
        String timestamp = state.has("Timestamp") ? state.get("Timestamp").asText()
                : state.has("TimestampPath") ? JsonPaths.read(input, context, state.get("TimestampPath").asText()).asText() : null;
        if (timestamp == null) {
            throw new StatesError(StatesError.RUNTIME, "a Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath");
        }
        Duration until = Duration.between(Instant.now(), OffsetDateTime.parse(timestamp).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
    }
}

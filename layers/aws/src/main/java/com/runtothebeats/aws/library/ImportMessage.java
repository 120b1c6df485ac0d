package com.runtothebeats.aws.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;

/** The import queue's message: which runner's import to run. */
public record ImportMessage(String runnerId, String importId) {

    public static ImportMessage of(String runnerId, String importId) {
        return new ImportMessage(runnerId, importId);
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the body is not an import message */
    public static ImportMessage parse(String body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message is not JSON", e);
        }
        String runnerId = json == null ? "" : json.path("runnerId").asText("");
        String importId = json == null ? "" : json.path("importId").asText("");
        if (runnerId.isBlank() || importId.isBlank()) {
            throw new IllegalArgumentException("the message names no runnerId and importId");
        }
        return new ImportMessage(runnerId, importId);
    }
}

package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload v2) responses with JSON bodies, and the error shape every API shares. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(headers)
                    .withBody(Json.MAPPER.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serialisable", e);
        }
    }

    /**
     * {@code {"error": {"status": 400, "code": "invalid_input", "message": "...", "field": "..."}}}; the
     * message is for people, the code for programs, the field (when known) names what to fix.
     */
    public static APIGatewayV2HTTPResponse error(int status, String code, String message, String field) {
        return error(status, code, message, field, Map.of());
    }

    /** The error shape with more members inside {@code error}, e.g. a 422's {@code suggestions}. */
    public static APIGatewayV2HTTPResponse error(int status, String code, String message, String field, Map<String, Object> more) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        error.putAll(more);
        return json(status, Map.of("error", error));
    }

    public static APIGatewayV2HTTPResponse badRequest(String message, String field) {
        return error(400, "invalid_input", message, field);
    }

    public static APIGatewayV2HTTPResponse unexpected() {
        return error(500, "internal_error", "Something went wrong on our side; please try again.", null);
    }
}

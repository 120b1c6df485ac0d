package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.runtothebeats.lambda.Json;

/**
 * Body parameter values for spotify-web-api-java. The library parses every body parameter value as JSON
 * and falls back to a string only when that fails, so a playlist called {@code 1984} or {@code true} would
 * be sent as a number or a boolean. Strings are therefore handed over already JSON-encoded.
 */
final class SpotifyJsonBody {

    private SpotifyJsonBody() {
    }

    static String string(String value) {
        return encode(value);
    }

    static String array(java.util.List<String> values) {
        return encode(values);
    }

    private static String encode(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable", e);
        }
    }
}

package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.runtothebeats.lambda.Json;

/**
 * Body parameter values for spotify-web-api-java 9.4.0: it sends a fixed set of parameter names
 * ({@code uris}, {@code position}, {@code public}, {@code collaborative}, …) as parsed JSON and every other
 * name as a JSON string, so lists are handed over JSON-encoded and names/descriptions as they are.
 */
final class SpotifyJsonBody {

    private SpotifyJsonBody() {
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

package com.runtothebeats.standins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An event source mapping's {@code FilterCriteria}: a record goes to the function when it matches any of the
 * patterns; the others are skipped (checkpointed, never delivered, not sent to on-failure), as Lambda does.
 * Of Lambda's filter rule syntax this implements what template.yaml uses, equality: a pattern is a JSON object
 * whose fields are nested objects or arrays of allowed strings, numbers or booleans, matched against the record
 * as the function sees it ({@link StreamRecordJson}). A pattern using anything else (prefix, exists, numeric
 * ranges, anything-but, ...) is refused when the source is built rather than silently matched wrongly.
 */
public final class StreamEventFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No {@code FilterCriteria}: every record goes to the function. */
    public static final StreamEventFilter EVERY_RECORD = new StreamEventFilter(List.of());

    private final List<JsonNode> patterns;

    private StreamEventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    /** The filter of the {@code Pattern} strings of {@code FilterCriteria.Filters}; none means every record. */
    public static StreamEventFilter of(List<String> patterns) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            JsonNode node;
            try {
                node = JSON.readTree(pattern);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("filter pattern is not JSON: " + pattern, e);
            }
            if (node == null || !node.isObject() || node.isEmpty()) {
                throw new IllegalArgumentException("filter pattern must be a non-empty JSON object: " + pattern);
            }
            checkSupported(node, pattern);
            parsed.add(node);
        }
        return new StreamEventFilter(List.copyOf(parsed));
    }

    public boolean matches(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> matches(pattern, record));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isObject()) {
            if (value == null || !value.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!matches(field.getValue(), value.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (value == null || !value.isValueNode() || value.isNull()) {
            return false;
        }
        for (JsonNode allowed : pattern) {
            if (allowed.isNumber() ? value.isNumber() && allowed.decimalValue().compareTo(value.decimalValue()) == 0
                    : allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void checkSupported(JsonNode pattern, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode rule = field.getValue();
            if (rule.isObject()) {
                checkSupported(rule, source);
            } else if (!rule.isArray() || rule.isEmpty()) {
                throw new IllegalArgumentException("filter pattern field " + field.getKey() + " must be an object or a non-empty array: " + source);
            } else {
                for (JsonNode allowed : rule) {
                    if (!allowed.isTextual() && !allowed.isNumber() && !allowed.isBoolean()) {
                        throw new IllegalArgumentException("filter pattern field " + field.getKey()
                                + ": only equality to strings, numbers or booleans is emulated locally, not " + allowed + ": " + source);
                    }
                }
            }
        }
    }
}

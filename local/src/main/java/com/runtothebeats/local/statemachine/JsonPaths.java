package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference paths Amazon States Language uses ({@code $}, {@code $.a.b}, {@code $.list[0]},
 * {@code $['odd key']}; {@code $$.} for the context object): reading a value, and writing a result into a
 * copy of a document ({@code ResultPath}).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** A step of a path: a field name or an array index. */
    private record Step(String field, int index) {
        boolean isIndex() {
            return field == null;
        }
    }

    static JsonNode read(JsonNode document, JsonNode context, String path) throws StatesError {
        JsonNode node;
        List<Step> steps;
        if (path.startsWith("$$")) {
            node = context;
            steps = parse(path.substring(1), path);
        } else {
            node = document;
            steps = parse(path, path);
        }
        for (Step step : steps) {
            JsonNode next = step.isIndex() ? node.path(step.index()) : node.path(step.field());
            if (next.isMissingNode()) {
                throw new StatesError(StatesError.RUNTIME, "the path " + path + " matches nothing in " + abbreviate(document));
            }
            node = next;
        }
        return node;
    }

    static boolean exists(JsonNode document, String path) {
        try {
            read(document, JsonNodeFactory.instance.objectNode(), path);
            return true;
        } catch (StatesError e) {
            return false;
        }
    }

    /** A copy of {@code document} with {@code value} at {@code path}, creating objects on the way. */
    static JsonNode write(JsonNode document, String path, JsonNode value) throws StatesError {
        List<Step> steps = parse(path, path);
        if (steps.isEmpty()) {
            return value;
        }
        if (!document.isObject() && !document.isArray()) {
            throw new StatesError(StatesError.RUNTIME, "cannot apply ResultPath " + path + " to a non-object input");
        }
        JsonNode root = document.deepCopy();
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step.isIndex()) {
                if (!(node instanceof ArrayNode array) || step.index() >= array.size()) {
                    throw new StatesError(StatesError.RUNTIME, "ResultPath " + path + " points outside an array");
                }
                if (last) {
                    array.set(step.index(), value);
                } else {
                    node = array.get(step.index());
                }
            } else {
                if (!(node instanceof ObjectNode object)) {
                    throw new StatesError(StatesError.RUNTIME, "ResultPath " + path + " crosses a non-object value");
                }
                if (last) {
                    object.set(step.field(), value);
                } else {
                    JsonNode child = object.get(step.field());
                    if (child == null || !child.isContainerNode()) {
                        child = object.putObject(step.field());
                    }
                    node = child;
                }
            }
        }
        return root;
    }

    private static List<Step> parse(String path, String original) throws StatesError {
        if (!path.startsWith("$")) {
            throw new StatesError(StatesError.RUNTIME, "a path must start with $: " + original);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new StatesError(StatesError.RUNTIME, "empty field name in path " + original);
                }
                steps.add(new Step(path.substring(i + 1, end), -1));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new StatesError(StatesError.RUNTIME, "unclosed [ in path " + original);
                }
                String inside = path.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(new Step(inside.substring(1, inside.length() - 1), -1));
                } else {
                    try {
                        steps.add(new Step(null, Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw new StatesError(StatesError.RUNTIME, "only field names and indexes are supported locally: " + original);
                    }
                }
                i = close + 1;
            } else {
                throw new StatesError(StatesError.RUNTIME, "unexpected '" + c + "' in path " + original);
            }
        }
        return steps;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code Parameters} and {@code ResultSelector}: a JSON template whose {@code "key.$"} fields take their value
 * from a path of the input (or the context object with {@code $$.}) or from an intrinsic function
 * ({@code States.Format}, {@code States.StringToJson}, {@code States.JsonToString}, {@code States.Array},
 * {@code States.UUID}).
 */
final class PayloadTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadTemplates() {
    }

    static JsonNode apply(JsonNode template, JsonNode input, JsonNode context) throws StatesError {
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    if (!field.getValue().isTextual()) {
                        throw new StatesError(StatesError.RUNTIME, "the value of " + key + " must be a path or an intrinsic function");
                    }
                    out.set(key.substring(0, key.length() - 2), evaluate(field.getValue().asText(), input, context));
                } else {
                    out.set(key, apply(field.getValue(), input, context));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : template) {
                out.add(apply(item, input, context));
            }
            return out;
        }
        return template;
    }

    private static JsonNode evaluate(String expression, JsonNode input, JsonNode context) throws StatesError {
        String trimmed = expression.trim();
        if (trimmed.startsWith("$")) {
            return JsonPaths.read(input, context, trimmed);
        }
        if (trimmed.startsWith("States.")) {
            return new IntrinsicCall(trimmed, input, context).parse();
        }
        throw new StatesError(StatesError.RUNTIME, "not a path or intrinsic function: " + expression);
    }

    /** A small recursive-descent reader for {@code States.Name(arg, ...)} with strings, numbers, paths and calls. */
    private static final class IntrinsicCall {
        private final String text;
        private final JsonNode input;
        private final JsonNode context;
        private int position;

        IntrinsicCall(String text, JsonNode input, JsonNode context) {
            this.text = text;
            this.input = input;
            this.context = context;
        }

        JsonNode parse() throws StatesError {
            JsonNode value = call();
            skipSpaces();
            if (position != text.length()) {
                throw error("unexpected text after the call");
            }
            return value;
        }

        private JsonNode call() throws StatesError {
            int open = text.indexOf('(', position);
            if (open < 0) {
                throw error("missing (");
            }
            String name = text.substring(position, open).trim();
            position = open + 1;
            List<JsonNode> arguments = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                while (true) {
                    arguments.add(argument());
                    skipSpaces();
                    if (peek() == ',') {
                        position++;
                    } else {
                        break;
                    }
                }
            }
            if (peek() != ')') {
                throw error("missing )");
            }
            position++;
            return invoke(name, arguments);
        }

        private JsonNode argument() throws StatesError {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                StringBuilder out = new StringBuilder();
                position++;
                while (position < text.length() && text.charAt(position) != '\'') {
                    char ch = text.charAt(position++);
                    if (ch == '\\' && position < text.length()) {
                        ch = text.charAt(position++);
                    }
                    out.append(ch);
                }
                position++;
                return TextNode.valueOf(out.toString());
            }
            if (c == '$') {
                int start = position;
                while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != ')') {
                    position++;
                }
                return JsonPaths.read(input, context, text.substring(start, position).trim());
            }
            if (text.startsWith("States.", position)) {
                return call();
            }
            int start = position;
            while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != ')') {
                position++;
            }
            String literal = text.substring(start, position).trim();
            try {
                return JSON.readTree(literal);
            } catch (JsonProcessingException e) {
                throw error("bad argument " + literal);
            }
        }

        private JsonNode invoke(String name, List<JsonNode> arguments) throws StatesError {
            switch (name) {
                case "States.Format": {
                    String template = arguments.get(0).asText();
                    StringBuilder out = new StringBuilder();
                    int next = 1;
                    for (int i = 0; i < template.length(); i++) {
                        if (template.startsWith("{}", i)) {
                            JsonNode value = arguments.get(next++);
                            out.append(value.isValueNode() ? value.asText() : value.toString());
                            i++;
                        } else {
                            out.append(template.charAt(i));
                        }
                    }
                    return TextNode.valueOf(out.toString());
                }
                case "States.StringToJson":
                    try {
                        return JSON.readTree(arguments.get(0).asText());
                    } catch (JsonProcessingException e) {
                        throw new StatesError(StatesError.RUNTIME, "States.StringToJson: not JSON: " + arguments.get(0).asText());
                    }
                case "States.JsonToString":
                    return TextNode.valueOf(arguments.get(0).toString());
                case "States.Array": {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    arguments.forEach(array::add);
                    return array;
                }
                case "States.UUID":
                    return TextNode.valueOf(UUID.randomUUID().toString());
                default:
                    throw new StatesError(StatesError.RUNTIME, name + " is not supported by the local runner");
            }
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private StatesError error(String problem) {
            return new StatesError(StatesError.RUNTIME, problem + " in " + text);
        }
    }
}

package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A Choice state's rules: {@code Variable} with a comparison operator (String/Numeric/Boolean/Timestamp
 * Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals and their {@code …Path} forms,
 * {@code StringMatches}, {@code IsPresent}, {@code IsNull}, {@code IsString}, {@code IsNumeric},
 * {@code IsBoolean}, {@code IsTimestamp}), combined with {@code And}, {@code Or} and {@code Not}.
 */
final class ChoiceRules {

    private ChoiceRules() {
    }

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context) throws StatesError {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variablePath = text(rule, "Variable");
        String operator = operatorOf(rule);
        JsonNode expected = rule.get(operator);
        boolean present = JsonPaths.exists(input, variablePath);
        if (operator.equals("IsPresent")) {
            return present == expected.asBoolean();
        }
        if (!present) {
            // a comparison on a missing variable is an error in Step Functions, not "false"
            throw new StatesError(StatesError.RUNTIME, "Choice variable " + variablePath + " is not in the input");
        }
        JsonNode value = JsonPaths.read(input, context, variablePath);
        String comparison = operator;
        if (operator.endsWith("Path") && !operator.startsWith("Is")) {
            expected = JsonPaths.read(input, context, expected.asText());
            comparison = operator.substring(0, operator.length() - "Path".length());
        }
        return switch (comparison) {
            case "IsNull" -> value.isNull() == expected.asBoolean();
            case "IsString" -> value.isTextual() == expected.asBoolean();
            case "IsNumeric" -> value.isNumber() == expected.asBoolean();
            case "IsBoolean" -> value.isBoolean() == expected.asBoolean();
            case "IsTimestamp" -> (value.isTextual() && timestamp(value.asText()) != null) == expected.asBoolean();
            case "StringMatches" -> value.isTextual() && wildcard(expected.asText()).matcher(value.asText()).matches();
            case "StringEquals" -> value.isTextual() && value.asText().equals(expected.asText());
            case "StringLessThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) < 0;
            case "StringGreaterThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) > 0;
            case "StringLessThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) <= 0;
            case "StringGreaterThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) >= 0;
            case "NumericEquals" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) == 0;
            case "NumericLessThan" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) < 0;
            case "NumericGreaterThan" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) > 0;
            case "NumericLessThanEquals" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) <= 0;
            case "NumericGreaterThanEquals" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) >= 0;
            case "BooleanEquals" -> value.isBoolean() && value.asBoolean() == expected.asBoolean();
            case "TimestampEquals" -> compareTimestamps(value, expected) == 0;
            case "TimestampLessThan" -> compareTimestamps(value, expected) < 0;
            case "TimestampGreaterThan" -> compareTimestamps(value, expected) > 0;
            case "TimestampLessThanEquals" -> compareTimestamps(value, expected) <= 0;
            case "TimestampGreaterThanEquals" -> compareTimestamps(value, expected) >= 0;
            default -> throw new StatesError(StatesError.RUNTIME, "unsupported Choice operator " + operator);
        };
    }

    private static String operatorOf(JsonNode rule) throws StatesError {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("Variable") && !name.equals("Next") && !name.equals("Comment")) {
                return name;
            }
        }
        throw new StatesError(StatesError.RUNTIME, "Choice rule without an operator: " + rule);
    }

    private static String text(JsonNode rule, String field) throws StatesError {
        JsonNode value = rule.get(field);
        if (value == null || !value.isTextual()) {
            throw new StatesError(StatesError.RUNTIME, "Choice rule without " + field + ": " + rule);
        }
        return value.asText();
    }

    /** {@code *} matches any run of characters; {@code \*} is a literal star. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static int compareTimestamps(JsonNode value, JsonNode expected) throws StatesError {
        OffsetDateTime a = value.isTextual() ? timestamp(value.asText()) : null;
        OffsetDateTime b = timestamp(expected.asText());
        if (a == null || b == null) {
            throw new StatesError(StatesError.RUNTIME, "not an ISO-8601 timestamp: " + (a == null ? value : expected));
        }
        return a.compareTo(b);
    }

    private static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

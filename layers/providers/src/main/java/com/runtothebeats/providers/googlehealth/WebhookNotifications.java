package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Google Health webhook body: the verification request ({@code {"type":"verification"}}) or
 * notifications, as an array or a single object, each {@code {"data":{healthUserId, operation, dataType,
 * intervals:[{physicalTimeInterval:{startTime,endTime}}]}}} (the fields are also accepted without the
 * {@code data} wrapper). One notification per interval. Anything unreadable is rejected as a whole, so a
 * body is stored completely or not at all.
 */
public final class WebhookNotifications {

    public record Body(boolean verification, List<DataChangeNotification> notifications) {
    }

    private WebhookNotifications() {
    }

    public static Body parse(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            throw new InvalidInputException("body", "the body is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the body is not valid JSON");
        }
        if (root.isObject() && "verification".equalsIgnoreCase(root.path("type").asText())) {
            return new Body(true, List.of());
        }
        List<DataChangeNotification> notifications = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                read(root.get(i), "[" + i + "]", notifications);
            }
        } else if (root.isObject()) {
            read(root, "", notifications);
        } else {
            throw new InvalidInputException("body", "the body must be a notification object or an array of them");
        }
        return new Body(false, notifications);
    }

    private static void read(JsonNode element, String path, List<DataChangeNotification> out) {
        if (!element.isObject()) {
            throw new InvalidInputException(path, "a notification must be an object");
        }
        JsonNode data = element.has("data") ? element.path("data") : element;
        String base = element.has("data") ? path + ".data" : path;
        String healthUserId = text(data, "healthUserId", base);
        String dataType = DataChangeNotification.normaliseDataType(text(data, "dataType", base));
        String operation = text(data, "operation", base).toUpperCase(Locale.ROOT);
        if (!operation.equals(DataChangeNotification.UPSERT) && !operation.equals(DataChangeNotification.DELETE)) {
            throw new InvalidInputException(base + ".operation", "operation must be UPSERT or DELETE");
        }
        JsonNode intervals = data.path("intervals");
        if (!intervals.isArray() || intervals.isEmpty()) {
            throw new InvalidInputException(base + ".intervals", "intervals must be a non-empty array");
        }
        for (int i = 0; i < intervals.size(); i++) {
            String at = base + ".intervals[" + i + "]";
            JsonNode interval = intervals.get(i).has("physicalTimeInterval")
                    ? intervals.get(i).path("physicalTimeInterval") : intervals.get(i);
            Instant start = instant(interval, "startTime", at);
            Instant end = instant(interval, "endTime", at);
            if (!start.isBefore(end)) {
                throw new InvalidInputException(at, "startTime must be before endTime");
            }
            out.add(new DataChangeNotification(healthUserId, dataType, operation, start, end));
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidInputException(path + "." + field, field + " is required");
        }
        return value.asText().trim();
    }

    private static Instant instant(JsonNode node, String field, String path) {
        String value = text(node, field, path + ".physicalTimeInterval");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path + ".physicalTimeInterval." + field, field + " must be an RFC 3339 UTC time");
        }
    }
}

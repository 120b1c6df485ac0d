package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Google Health webhook body: the verification request ({@code {"type":"verification"}}) or 1–99
 * notifications, as an array (documented) or a single object (seen), each {@code {"data":{healthUserId, operation,
 * dataType, intervals:[{physicalTimeInterval | civilDateTimeInterval}]}}} (the fields are also accepted without the
 * {@code data} wrapper). One notification per interval.
 *
 * <p>Each item stands alone: Google redelivers a whole body that is not acknowledged, so one unreadable item
 * must not hold back the others. Readable items come back in {@link Body#notifications()}, unreadable ones in
 * {@link Body#unreadable()} with the field at fault. Only a body that is not JSON, not an object or array, or
 * holds more than {@value #MAX_ITEMS} items is refused as a whole.
 */
public final class WebhookNotifications {

    public static final int MAX_ITEMS = 99;
    /** Longer intervals are refused: a notification names a recent change, never a wipe of years. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);
    /** Intervals must lie within this distance of the time the delivery is received. */
    public static final Duration MAX_DISTANCE_FROM_NOW = Duration.ofDays(30);

    public record Body(boolean verification, List<DataChangeNotification> notifications, List<Unreadable> unreadable) {
    }

    /** An item (or one interval of it) we could not use, with the JSON path of the field at fault. */
    public record Unreadable(String field, String message) {
    }

    private WebhookNotifications() {
    }

    public static Body parse(String rawBody, Instant receivedAt) {
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
            return new Body(true, List.of(), List.of());
        }
        List<DataChangeNotification> notifications = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        if (root.isArray()) {
            if (root.size() > MAX_ITEMS) {
                throw new InvalidInputException("body", "a delivery holds at most " + MAX_ITEMS + " notifications");
            }
            for (int i = 0; i < root.size(); i++) {
                read(root.get(i), "[" + i + "]", receivedAt, notifications, unreadable);
            }
        } else if (root.isObject()) {
            read(root, "", receivedAt, notifications, unreadable);
        } else {
            throw new InvalidInputException("body", "the body must be a notification object or an array of them");
        }
        return new Body(false, notifications, unreadable);
    }

    private static void read(JsonNode element, String path, Instant receivedAt,
                             List<DataChangeNotification> out, List<Unreadable> unreadable) {
        try {
            if (!element.isObject()) {
                throw new InvalidInputException(path.isEmpty() ? "body" : path, "a notification must be an object");
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
                try {
                    TimeWindow window = window(intervals.get(i), at, receivedAt);
                    out.add(new DataChangeNotification(healthUserId, dataType, operation, window.start(), window.end()));
                } catch (InvalidInputException badInterval) {
                    unreadable.add(new Unreadable(badInterval.field(), badInterval.getMessage()));
                }
            }
        } catch (InvalidInputException badItem) {
            unreadable.add(new Unreadable(badItem.field(), badItem.getMessage()));
        }
    }

    private record TimeWindow(Instant start, Instant end) {
    }

    private static TimeWindow window(JsonNode interval, String at, Instant receivedAt) {
        if (!interval.isObject()) {
            throw new InvalidInputException(at, "an interval must be an object");
        }
        TimeWindow window;
        Duration declared;
        if (interval.has("physicalTimeInterval") || interval.has("startTime")) {
            JsonNode physical = interval.has("physicalTimeInterval") ? interval.path("physicalTimeInterval") : interval;
            String physicalAt = at + ".physicalTimeInterval";
            window = new TimeWindow(instant(physical, "startTime", physicalAt), instant(physical, "endTime", physicalAt));
            declared = Duration.between(window.start(), window.end());
            if (!window.start().isBefore(window.end())) {
                throw new InvalidInputException(physicalAt, "startTime must be before endTime");
            }
        } else if (interval.has("civilDateTimeInterval")) {
            CivilDateTimeInterval civil = CivilDateTimeInterval.read(interval.path("civilDateTimeInterval"),
                    at + ".civilDateTimeInterval");
            declared = civil.duration();
            window = new TimeWindow(civil.earliestInstant(), civil.latestInstant());
        } else {
            throw new InvalidInputException(at, "an interval needs a physicalTimeInterval or a civilDateTimeInterval");
        }
        if (declared.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidInputException(at, "an interval may span at most one day");
        }
        if (window.end().isBefore(receivedAt.minus(MAX_DISTANCE_FROM_NOW))
                || window.start().isAfter(receivedAt.plus(MAX_DISTANCE_FROM_NOW))) {
            throw new InvalidInputException(at, "an interval must lie within 30 days of now");
        }
        return window;
    }

    static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidInputException(path + "." + field, field + " is required");
        }
        return value.asText().trim();
    }

    private static Instant instant(JsonNode node, String field, String path) {
        String value = text(node, field, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path + "." + field, field + " must be an RFC 3339 UTC time");
        }
    }
}

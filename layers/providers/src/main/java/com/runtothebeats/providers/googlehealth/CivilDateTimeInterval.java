package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.validation.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A {@code civilDateTimeInterval}: wall-clock date-times without a zone
 * ({@code {startDateTime:{date:{year,month,day}, time:{hours,minutes,seconds,nanos}}, endDateTime:{…}}}), as a
 * full-day item carries them. Without the runner's zone the instants are known only within the range of UTC
 * offsets, so the interval is read as every instant it could mean: from its start at UTC+14 to its end at UTC−12.
 * Fetching heart rate over that window is harmless (samples are keyed by instant).
 */
record CivilDateTimeInterval(LocalDateTime start, LocalDateTime end) {

    private static final ZoneOffset EARLIEST_OFFSET = ZoneOffset.ofHours(14);
    private static final ZoneOffset LATEST_OFFSET = ZoneOffset.ofHours(-12);

    static CivilDateTimeInterval read(JsonNode interval, String path) {
        LocalDateTime start = dateTime(interval.path("startDateTime"), path + ".startDateTime");
        LocalDateTime end = dateTime(interval.path("endDateTime"), path + ".endDateTime");
        if (!start.isBefore(end)) {
            throw new InvalidInputException(path, "startDateTime must be before endDateTime");
        }
        return new CivilDateTimeInterval(start, end);
    }

    Duration duration() {
        return Duration.between(start, end);
    }

    Instant earliestInstant() {
        return start.toInstant(EARLIEST_OFFSET);
    }

    Instant latestInstant() {
        return end.toInstant(LATEST_OFFSET);
    }

    private static LocalDateTime dateTime(JsonNode node, String path) {
        JsonNode date = node.path("date");
        if (!node.isObject() || !date.isObject()) {
            throw new InvalidInputException(path + ".date", "a civil date-time needs a date {year, month, day}");
        }
        JsonNode time = node.path("time");
        try {
            return LocalDateTime.of(number(date, "year", path + ".date"), number(date, "month", path + ".date"),
                    number(date, "day", path + ".date"),
                    optional(time, "hours", path), optional(time, "minutes", path), optional(time, "seconds", path),
                    optional(time, "nanos", path));
        } catch (DateTimeException outOfRange) {
            throw new InvalidInputException(path, "not a valid civil date-time");
        }
    }

    private static int number(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        throw new InvalidInputException(path + "." + field, field + " must be a whole number");
    }

    private static int optional(JsonNode time, String field, String path) {
        JsonNode value = time.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(path + ".time." + field, field + " must be a whole number");
        }
        return value.intValue();
    }
}

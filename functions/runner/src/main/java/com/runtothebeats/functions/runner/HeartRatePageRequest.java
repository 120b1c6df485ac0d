package com.runtothebeats.functions.runner;

import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What {@code GET /api/heart-rate?minutes=&limit=&before=} asks for: the window ({@code minutes} back from now),
 * the page size and the {@code next} cursor of the previous page, each checked and named when it is wrong.
 */
record HeartRatePageRequest(int minutes, Instant from, Instant before, int limit) {

    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 30 * 24 * 60;
    /** Samples per page (default and most): an hour at one a second, whatever window is asked. */
    static final int MAX_SAMPLES = 3600;

    static HeartRatePageRequest read(HttpRequest request, Instant now) {
        int minutes = boundedNumber(request, "minutes", DEFAULT_MINUTES, MAX_MINUTES);
        int limit = boundedNumber(request, "limit", MAX_SAMPLES, MAX_SAMPLES);
        Instant end = now.plusSeconds(1);
        Instant before = before(request).filter(cursor -> cursor.isBefore(end)).orElse(end);
        return new HeartRatePageRequest(minutes, now.minus(Duration.ofMinutes(minutes)), before, limit);
    }

    private static int boundedNumber(HttpRequest request, String name, int absent, int max) {
        Optional<String> value = request.query(name).filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.get().trim());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException(name, name + " must be a whole number from 1 to " + max);
    }

    /** The {@code next} of the previous page: read only samples older than it. */
    private static Optional<Instant> before(HttpRequest request) {
        Optional<String> value = request.query("before").filter(text -> !text.isBlank());
        try {
            return value.map(text -> Instant.parse(text.trim()));
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInputException("before", "before must be the next value of a previous page (an ISO-8601 instant)");
        }
    }
}

package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.Objects;

/**
 * "The user's data of this type changed over this interval": what a health-data webhook tells us. The data
 * itself is fetched afterwards.
 *
 * @param dataType  normalised, lower-case and hyphenated ({@code heart-rate}, {@code steps})
 * @param operation {@code UPSERT} or {@code DELETE}
 */
public record DataChangeNotification(String healthUserId, String dataType, String operation, Instant start,
                                     Instant end) {

    public static final String UPSERT = "UPSERT";
    public static final String DELETE = "DELETE";
    public static final String HEART_RATE = "heart-rate";

    public DataChangeNotification {
        Objects.requireNonNull(healthUserId, "healthUserId");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Identifies a delivery: the same change delivered again (providers retry for days) has the same key. */
    public String key() {
        return healthUserId + "#" + dataType + "#" + start + "#" + end + "#" + operation;
    }

    public boolean deletes() {
        return DELETE.equals(operation);
    }

    /** A DELETE concerns its own data type only: a sleep or steps DELETE says nothing about heart rate. */
    public boolean deletesHeartRate() {
        return deletes() && HEART_RATE.equals(dataType);
    }

    /**
     * Lower-case and hyphenated, whatever the sender's spelling: {@code heartRate}, {@code HEART_RATE},
     * {@code heart_rate} and {@code heart-rate} are all {@code heart-rate}.
     */
    public static String normaliseDataType(String dataType) {
        String hyphenated = dataType.trim()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replace('_', '-')
                .replace(' ', '-');
        return hyphenated.toLowerCase(java.util.Locale.ROOT).replaceAll("-+", "-");
    }
}

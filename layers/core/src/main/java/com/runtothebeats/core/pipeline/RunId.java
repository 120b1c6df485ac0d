package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.validation.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Names one pipeline run; every object the run writes lives under it ({@code raw/<runId>/…},
 * {@code transform/<runId>/…}), which is what makes a re-run of the same run idempotent.
 */
public record RunId(String value) {

    /** Safe as one S3 key segment: no slashes, no "..", nothing that needs escaping. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");
    private static final DateTimeFormatter FROM_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public RunId {
        if (value == null || !FORMAT.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInputException("runId",
                    "runId must be 1-80 letters, digits, '.', '_' or '-' starting with a letter or digit, was '" + value + "'");
        }
    }

    /** The default id of a run started at {@code time}, e.g. {@code 20261124T203000Z}. */
    public static RunId startedAt(Instant time) {
        return new RunId(FROM_TIME.format(time));
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.runtothebeats.core.validation;

/**
 * Input a caller can fix: names the field at fault so the API can answer 400 with a clear message
 * (and nothing gets written).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field as the caller wrote it (JSON path, CLI option or CSV column), or null. */
    public String field() {
        return field;
    }
}

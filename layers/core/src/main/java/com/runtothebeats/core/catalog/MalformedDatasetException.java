package com.runtothebeats.core.catalog;

/** The file is not a dataset CSV we can read (bad header, wrong column count, broken quoting). */
public class MalformedDatasetException extends RuntimeException {

    private final long line;

    public MalformedDatasetException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public MalformedDatasetException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}

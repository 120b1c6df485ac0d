package com.runtothebeats.local.heartrate;

/** The replay cannot go on; the message says what to fix. */
public class ReplayFailedException extends RuntimeException {

    public ReplayFailedException(String message) {
        super(message);
    }
}

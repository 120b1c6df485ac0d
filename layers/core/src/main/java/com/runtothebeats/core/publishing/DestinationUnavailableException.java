package com.runtothebeats.core.publishing;

/**
 * The destination kept failing (5xx past our retries, rate limits past our patience, the network). Progress
 * so far is recorded: the same request with the same idempotency key resumes.
 */
public class DestinationUnavailableException extends RuntimeException {

    public DestinationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.runtothebeats.core.publishing;

/** Another request with the same idempotency key is publishing right now: try again shortly. */
public class PublishInProgressException extends RuntimeException {

    public PublishInProgressException(String message) {
        super(message);
    }
}

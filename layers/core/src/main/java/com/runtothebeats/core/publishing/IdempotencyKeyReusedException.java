package com.runtothebeats.core.publishing;

/** The idempotency key was used before for a different playlist (or by another runner). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}

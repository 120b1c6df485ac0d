package com.runtothebeats.providers.reccobeats;

/** ReccoBeats kept failing or refused the request (after the bounded retries). */
public class ReccoBeatsUnavailableException extends RuntimeException {

    public ReccoBeatsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.runtothebeats.core.identity;

/** The provider no longer lets us act for the runner (invalid_grant, 410 Gone): they must connect again. */
public class ConsentRevokedException extends RuntimeException {

    public ConsentRevokedException(String message) {
        super(message);
    }
}

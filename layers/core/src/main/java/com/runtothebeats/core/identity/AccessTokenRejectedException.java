package com.runtothebeats.core.identity;

/** The provider rejected the access token (401): refresh once and retry. */
public class AccessTokenRejectedException extends RuntimeException {

    public AccessTokenRejectedException(String message) {
        super(message);
    }
}

package com.runtothebeats.providers.googlehealth;

/** Google answered with an error we cannot act on here (5xx, an unexpected 4xx, a broken body): retry later. */
public class GoogleApiException extends RuntimeException {

    private final int status;

    public GoogleApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

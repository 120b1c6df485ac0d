package com.runtothebeats.lambda.session;

/** A request the session checks turn away: not signed in (401) or a failed CSRF check (403). */
public class RequestRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public RequestRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package com.runtothebeats.functions.auth;

/**
 * A connect attempt turned away before any provider call: the provider is not configured here (409), the
 * runner must sign in first (401), or the callback belongs to another runner's sign-in (403).
 */
public class ConnectRefusedException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    ConnectRefusedException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ConnectRefusedException notConfigured(String provider) {
        return new ConnectRefusedException(409, "provider_not_configured", provider + " is not configured on this deployment.", "provider");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The parameter at fault, or null. */
    public String field() {
        return field;
    }
}

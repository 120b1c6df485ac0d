package com.runtothebeats.core.identity;

/** Another worker holds the refresh claim and did not finish in time: retry later (the claim lapses). */
public class TokenRefreshInProgressException extends RuntimeException {

    public TokenRefreshInProgressException(String message) {
        super(message);
    }
}

package com.runtothebeats.lambda.session;

/**
 * Who a request acts for.
 *
 * @param fromCookie true when a valid signed session cookie named the runner; false for the local demo's
 *                   implicit {@code demo-runner} (no cookie, so there is nothing for a forged request to ride on)
 */
public record RunnerSession(String runnerId, boolean fromCookie) {

    public boolean demo() {
        return !fromCookie;
    }
}

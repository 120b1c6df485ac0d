package com.runtothebeats.functions.auth;

/**
 * Completing a connect flow failed. {@code providerRefused} tells the runner's mistake or an expired code
 * (try again) apart from the provider being unreachable (our side of the story: 502).
 */
public class ConnectFailedException extends RuntimeException {

    private final boolean providerRefused;

    public ConnectFailedException(String message, boolean providerRefused, Throwable cause) {
        super(message, cause);
        this.providerRefused = providerRefused;
    }

    public boolean providerRefused() {
        return providerRefused;
    }
}

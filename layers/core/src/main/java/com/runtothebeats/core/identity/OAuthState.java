package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One authorization attempt in flight: the {@code state} we sent to the provider, the PKCE verifier that
 * belongs to it, and the runner who started it (empty when the attempt is a sign-in).
 */
public record OAuthState(String state, Provider provider, String runnerId, String codeVerifier, Instant expiresAt) {

    public OAuthState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never prints the verifier. */
    @Override
    public String toString() {
        return "OAuthState[" + provider.id() + ", runner=" + runnerId + ", expiresAt=" + expiresAt + "]";
    }
}

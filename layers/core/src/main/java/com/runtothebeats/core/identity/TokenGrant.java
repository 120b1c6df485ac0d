package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider's token endpoint granted.
 *
 * @param refreshToken null when the provider keeps the old refresh token valid (Google usually does)
 */
public record TokenGrant(String accessToken, Instant accessTokenExpiresAt, String refreshToken, String scopes) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }

    /** Never prints tokens. */
    @Override
    public String toString() {
        return "TokenGrant[expires " + accessTokenExpiresAt + ", scopes " + scopes + "]";
    }
}

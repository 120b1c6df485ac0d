package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One browser's sign-in, as the sessions table keeps it.
 *
 * @param runnerId   who is signed in
 * @param sessionKey the SHA-256 digest of the secret the browser's cookie carries (never the secret itself: a
 *                   copy of the table signs nobody in)
 * @param createdAt  when the runner signed in
 * @param expiresAt  when it ends at the latest (the table's TTL)
 */
public record SignInSession(String runnerId, String sessionKey, Instant createdAt, Instant expiresAt) {

    public SignInSession {
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

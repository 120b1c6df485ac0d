package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Optional;

/** Authorization attempts in flight (a table with a TTL in AWS). */
public interface OAuthStateStore {

    void save(OAuthState state);

    /**
     * Removes and returns the attempt, so a {@code state} can be used once only; empty when it is unknown,
     * already used or expired at {@code now} (TTL deletion is lazy, so expiry is checked here too).
     */
    Optional<OAuthState> consume(String state, Instant now);
}

package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Optional;

/** The runners' sign-in sessions (a table keyed by runner and session key, with a TTL, in AWS). */
public interface SessionStore {

    void save(SignInSession session);

    /** The session, when it exists and is live at {@code now} (TTL deletion is lazy, so expiry is checked here). */
    Optional<SignInSession> find(String runnerId, String sessionKey, Instant now);

    /** Ends one session (sign out); nothing happens when it is already gone. */
    void delete(String runnerId, String sessionKey);

    /** Ends every session of the runner (sign out everywhere); how many there were. */
    int deleteAll(String runnerId);
}

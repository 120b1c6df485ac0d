package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/** A person who runs with us: created when they first sign in with Spotify (or as the local demo runner). */
public record Runner(String runnerId, String displayName, Instant createdAt) {

    public Runner {
        Objects.requireNonNull(runnerId, "runnerId");
    }
}

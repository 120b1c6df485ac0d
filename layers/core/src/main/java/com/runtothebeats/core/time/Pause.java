package com.runtothebeats.core.time;

import java.time.Duration;

/** Waiting between attempts (a rate-limit back-off, a poll for another worker's result). */
@FunctionalInterface
public interface Pause {

    Pause SLEEP = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    };

    void pause(Duration duration);
}

package com.runtothebeats.local.statemachine;

import java.time.Duration;

/** How the interpreter waits between retries and in Wait states; locally the waits can be scaled down. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Real waiting, multiplied by {@code factor} (1 = as the definition says, 0.01 = a hundred times faster). */
    static Sleeper scaled(double factor) {
        return duration -> {
            long millis = Math.round(duration.toMillis() * factor);
            if (millis > 0) {
                Thread.sleep(millis);
            }
        };
    }
}

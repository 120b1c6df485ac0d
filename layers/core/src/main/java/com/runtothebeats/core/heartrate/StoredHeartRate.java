package com.runtothebeats.core.heartrate;

import java.util.Optional;

/**
 * A runner's heart-rate state as read, with what a conditional write needs: the {@code version} it was read
 * at (0: never written) and the version the last clear left ({@code clearedAtVersion}, 0: never cleared).
 * Every write and every clear raises the version by one, so a version is never reused after a clear.
 *
 * @param state null before the first reading and after a clear
 */
public record StoredHeartRate(RunnerHeartRate state, long version, long clearedAtVersion) {

    public static final StoredHeartRate NEVER_WRITTEN = new StoredHeartRate(null, 0, 0);

    public Optional<RunnerHeartRate> found() {
        return Optional.ofNullable(state);
    }

    /** Whether the state was cleared after {@code earlier} was read (the runner asked us to forget it since). */
    public boolean clearedSince(StoredHeartRate earlier) {
        return clearedAtVersion > earlier.version;
    }
}

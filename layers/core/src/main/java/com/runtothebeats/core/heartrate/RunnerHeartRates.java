package com.runtothebeats.core.heartrate;

import java.util.Optional;

/**
 * Where a runner's heart-rate state lives (attributes of the runner's item). Several writers update it at
 * once (overlapping syncs, a typed heart rate), so writes are conditional on the version read:
 * {@link HeartRateRecorder} re-reads and recomputes when another writer came first.
 */
public interface RunnerHeartRates {

    /** The state with its version; {@link StoredHeartRate#NEVER_WRITTEN} when nothing was ever stored. */
    StoredHeartRate read(String runnerId);

    default Optional<RunnerHeartRate> find(String runnerId) {
        return read(runnerId).found();
    }

    /**
     * Stores {@code state} as version {@code expectedVersion + 1} if the stored version is still
     * {@code expectedVersion}.
     *
     * @return false when another write or a clear came first (nothing written)
     */
    boolean replaceIfVersion(String runnerId, RunnerHeartRate state, long expectedVersion);

    /**
     * Forgets the state (the runner disconnected their device). Raises the version and records it as the
     * clear's, so that a write prepared from an earlier read fails and does not bring the state back.
     */
    void clear(String runnerId);
}

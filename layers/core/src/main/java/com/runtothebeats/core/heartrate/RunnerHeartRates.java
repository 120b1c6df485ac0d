package com.runtothebeats.core.heartrate;

import java.util.Optional;

/** Where a runner's heart-rate state lives (attributes of the runner's item). */
public interface RunnerHeartRates {

    Optional<RunnerHeartRate> find(String runnerId);

    void save(String runnerId, RunnerHeartRate state);

    /** Forgets the state (the runner disconnected their device). */
    void clear(String runnerId);
}

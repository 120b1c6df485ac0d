package com.runtothebeats.core.heartrate;

/**
 * Other writers changed a runner's heart-rate state before each of our conditional writes, as many times as
 * we try in a row. Nothing of ours was written to the state; the caller retries later (the health sync
 * reports the stream record as failed, so Lambda delivers it again).
 */
public final class HeartRateStateContendedException extends RuntimeException {

    public HeartRateStateContendedException(String runnerId, int attempts) {
        super("heart-rate state of runner " + runnerId + " was changed by another writer before each of "
                + attempts + " conditional writes; not updated, retry later");
    }
}

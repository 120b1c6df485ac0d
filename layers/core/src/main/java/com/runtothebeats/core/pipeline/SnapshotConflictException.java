package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.validation.InvalidInputException;

/** A run already holds a raw snapshot with different content; snapshots are immutable, so use a new runId. */
public class SnapshotConflictException extends InvalidInputException {

    public SnapshotConflictException(RunId run, String message) {
        super("runId", "run " + run + " " + message + "; snapshots are immutable, start a new run with another runId");
    }
}

package com.runtothebeats.core.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Transform hands to the next state (Train): where its outputs are (the catalog snapshot too) and the counts.
 * Shape: docs/contracts.md, "Pipeline".
 *
 * @param counts rows read, rows valid, distinct tracks stored, and the dropped rows per reason (only reasons
 *               that occurred; report.json lists all of them)
 */
public record TransformResult(String runId, String transformKey, String sequencesKey, String reportKey, String catalogSnapshotKey,
                              Counts counts) {

    public record Counts(long rows, long valid, long stored, Map<String, Long> dropped) {
        public Counts {
            dropped = Collections.unmodifiableSortedMap(new TreeMap<>(dropped));
        }
    }
}

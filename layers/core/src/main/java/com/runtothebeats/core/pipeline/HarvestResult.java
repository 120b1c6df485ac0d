package com.runtothebeats.core.pipeline;

/**
 * What Harvest hands to the next state: where the snapshot is and how big it is, never the data.
 * Shape: docs/contracts.md, "Pipeline".
 */
public record HarvestResult(String runId, String rawKey, String manifestKey, Counts counts) {

    public record Counts(long rows, long playlists, long tracks) {
    }

    static HarvestResult of(HarvestManifest manifest) {
        RunId run = new RunId(manifest.runId());
        return new HarvestResult(manifest.runId(), PipelineKeys.rawTracks(run), PipelineKeys.rawManifest(run),
                new Counts(manifest.rows(), manifest.playlists(), manifest.tracks()));
    }
}

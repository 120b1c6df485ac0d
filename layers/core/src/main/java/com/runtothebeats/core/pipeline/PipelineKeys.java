package com.runtothebeats.core.pipeline;

/** The object keys the pipeline steps agree on (docs/contracts.md, "S3 keys"). */
public final class PipelineKeys {

    public static final String CURRENT_TRANSFORM = "transform/current.json";
    public static final String CURRENT_CATALOG = "catalog/current.json";

    private PipelineKeys() {
    }

    public static String rawTracks(RunId run) {
        return "raw/" + run + "/tracks.csv";
    }

    public static String rawManifest(RunId run) {
        return "raw/" + run + "/manifest.json";
    }

    public static String featureTransform(RunId run) {
        return "transform/" + run + "/feature-transform.json";
    }

    public static String sequences(RunId run) {
        return "transform/" + run + "/sequences.jsonl";
    }

    public static String report(RunId run) {
        return "transform/" + run + "/report.json";
    }

    public static String catalogSnapshot(RunId run) {
        return "catalog/" + run + "/catalog.snapshot";
    }
}

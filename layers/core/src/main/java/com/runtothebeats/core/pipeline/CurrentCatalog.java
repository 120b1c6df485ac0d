package com.runtothebeats.core.pipeline;

/**
 * {@code catalog/current.json}: the promoted catalog snapshot. Written only after the snapshot object itself,
 * so a reader that finds the pointer finds a complete snapshot (the same pattern as {@code models/current.json}).
 *
 * @param snapshotKey   the snapshot object, {@code catalog/<runId>/catalog.snapshot}
 * @param schemaVersion its layout version, so a reader can tell before downloading it
 * @param tracks        tracks in it
 * @param transformKey  the feature transform its tracks go with
 */
public record CurrentCatalog(String runId, String snapshotKey, int schemaVersion, int tracks, String transformKey) {
}

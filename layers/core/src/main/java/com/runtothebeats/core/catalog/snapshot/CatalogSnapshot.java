package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.Track;
import java.util.List;

/**
 * The whole catalog as one object: what a recommender needs to build its index at start-up without reading
 * the tracks table. Written by Transform under {@code catalog/<runId>/}, layout in {@link CatalogSnapshotFormat}
 * and docs/catalog-snapshot.md.
 *
 * @param header what the snapshot holds and which feature transform its tracks were standardised with
 * @param tracks every track, sorted by id, each id once
 */
public record CatalogSnapshot(Header header, List<Track> tracks) {

    /**
     * @param schemaVersion    layout version ({@link CatalogSnapshotFormat#SCHEMA_VERSION} when written by this code)
     * @param runId            the pipeline run that wrote it
     * @param transformKey     the object holding the feature transform fitted on these tracks
     * @param transformVersion that transform's version, so a reader can check it loaded the matching one
     * @param trackCount       number of tracks
     */
    public record Header(int schemaVersion, String runId, String transformKey, String transformVersion, int trackCount) {
    }

    public CatalogSnapshot {
        tracks = List.copyOf(tracks);
        if (header.trackCount() != tracks.size()) {
            throw new IllegalArgumentException("header counts " + header.trackCount() + " tracks, snapshot holds " + tracks.size());
        }
    }
}

package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import java.util.List;

/**
 * The whole catalog as one object: what a recommender needs to build its index at start-up without reading
 * the tracks table. Written by Transform under {@code catalog/<runId>/}, layout in {@link CatalogSnapshotFormat}
 * and docs/catalog-snapshot.md.
 *
 * @param header what the snapshot holds and which feature transform its tracks were standardised with
 * @param tracks   every track, sorted by id, each id once
 * @param songKeys each track's {@link SongKey}, in the same order (stored from schema version 4, so a recommender
 *                 indexes the catalog without working them out again)
 */
public record CatalogSnapshot(Header header, List<Track> tracks, List<SongKey> songKeys) {

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
        // a snapshot read is already immutable columns; copying would build every track
        tracks = tracks instanceof SnapshotTracks ? tracks : List.copyOf(tracks);
        songKeys = tracks instanceof SnapshotTracks ? songKeys : List.copyOf(songKeys);
        if (header.trackCount() != tracks.size() || songKeys.size() != tracks.size()) {
            throw new IllegalArgumentException("header counts " + header.trackCount() + " tracks, snapshot holds "
                    + tracks.size() + " and " + songKeys.size() + " song keys");
        }
    }

    /** A snapshot to write: the song keys are worked out from the tracks. */
    public CatalogSnapshot(Header header, List<Track> tracks) {
        this(header, tracks, SongKey.allOf(tracks));
    }
}

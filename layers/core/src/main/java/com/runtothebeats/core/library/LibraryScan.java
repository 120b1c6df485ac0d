package com.runtothebeats.core.library;

import java.util.List;

/**
 * What reading a runner's library found: each track once (Liked Songs first, then playlists in their order),
 * how many playlists were read, how many were skipped (refused, answered without items, or not the runner's),
 * and how many entries were not playable tracks (episodes, local files, unavailable tracks).
 */
public record LibraryScan(List<TrackListing> tracks, int playlistsRead, int playlistsSkipped, int entriesSkipped) {

    public LibraryScan {
        tracks = List.copyOf(tracks);
    }
}

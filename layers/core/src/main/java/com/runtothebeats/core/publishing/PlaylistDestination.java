package com.runtothebeats.core.publishing;

import java.util.List;

/** Where playlists are published for a runner: their Spotify account, or a file in the local dry run. */
public interface PlaylistDestination {

    /** At most this many items per {@link #addItems} call (Spotify's limit). */
    int MAX_ITEMS_PER_CALL = 100;

    CreatedPlaylist create(String runnerId, PlaylistDraft draft);

    /** Inserts {@code uris} (≤ {@link #MAX_ITEMS_PER_CALL}) at {@code position}. */
    void addItems(String runnerId, String playlistId, List<String> uris, int position);

    /** How many items the playlist holds now. */
    int itemCount(String runnerId, String playlistId);

    /** True when nothing leaves this machine (the local demo without Spotify). */
    boolean dryRun();

    record CreatedPlaylist(String id, String url) {
    }
}

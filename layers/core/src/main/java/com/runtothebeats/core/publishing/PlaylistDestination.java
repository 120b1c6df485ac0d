package com.runtothebeats.core.publishing;

import java.util.List;
import java.util.Optional;

/** Where playlists are published for a runner: their Spotify account, or a file in the local dry run. */
public interface PlaylistDestination {

    /** At most this many items per {@link #addItems} call (Spotify's limit). */
    int MAX_ITEMS_PER_CALL = 100;

    /**
     * How far back {@link #findByMarker} looks: the runner's most recent playlists (Spotify lists newly created
     * ones first, 50 a page, so two pages). A retry comes seconds to minutes after the interrupted create, so
     * the playlist it looks for is among the newest unless the runner made a hundred others meanwhile.
     */
    int MARKER_SEARCH_LIMIT = 100;

    /** Creates an empty playlist whose description carries {@code marker} ({@link PlaylistMarker#describe}). */
    CreatedPlaylist create(String runnerId, PlaylistDraft draft, PlaylistMarker marker);

    /**
     * The runner's own playlist whose description carries {@code marker}, looking among at least their
     * {@link #MARKER_SEARCH_LIMIT} most recent playlists; empty when there is none.
     */
    Optional<CreatedPlaylist> findByMarker(String runnerId, PlaylistMarker marker);

    /** Inserts {@code uris} (≤ {@link #MAX_ITEMS_PER_CALL}) at {@code position}. */
    void addItems(String runnerId, String playlistId, List<String> uris, int position);

    /** How many items the playlist holds now. */
    int itemCount(String runnerId, String playlistId);

    /** True when nothing leaves this machine (the local demo without Spotify). */
    boolean dryRun();

    record CreatedPlaylist(String id, String url) {
    }
}

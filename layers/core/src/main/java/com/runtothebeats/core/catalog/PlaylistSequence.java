package com.runtothebeats.core.catalog;

import java.util.List;

/**
 * A playlist in its own order: what the sequence model learns from. Written by Transform (one JSON
 * object per line) and read by Train.
 */
public record PlaylistSequence(String playlistId, String genre, String subgenre, List<Track> tracks) {

    public PlaylistSequence {
        tracks = List.copyOf(tracks);
    }

    public PlaylistKey key() {
        return new PlaylistKey(playlistId, genre, subgenre);
    }
}

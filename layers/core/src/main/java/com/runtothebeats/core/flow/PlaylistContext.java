package com.runtothebeats.core.flow;

/**
 * What is known about a playlist besides its tracks: its genre and subgenre labels (playlist metadata,
 * never the future track, so conditioning on them does not look ahead). Either may be null when the
 * caller does not know it — the recommender building a fresh playlist, or a label never seen in training.
 */
public record PlaylistContext(String genre, String subgenre) {

    public static final PlaylistContext UNKNOWN = new PlaylistContext(null, null);
}

package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.Track;
import java.util.List;

/**
 * Scores candidate tracks as the next track of a playlist, given the tracks played so far: the question
 * real playlists answer best ("which tracks go together"), asked by {@code ./beats rank-next}, the
 * evaluation and the recommender's flow term. Work that depends on one candidate only is done once in
 * {@link #prepare}; a {@link Session} then follows one playlist as its tracks are played. A session sees
 * only its own playlist, so every playlist is ranked as if it were the only one.
 */
public interface NextTrackRanker {

    /** Identifies the ranker (a model's version in the model store, or a baseline's label). */
    String version();

    /** Readies a fixed set of candidates; their order is the order of every {@link Session#scores()}. */
    Candidates prepare(List<Track> candidates);

    /** A prepared candidate set. */
    interface Candidates {

        List<Track> tracks();

        /** A new, empty playlist with the given labels (either may be null). */
        Session start(PlaylistContext context);
    }

    /** One playlist being played: tracks are added in order, and the candidates scored after any prefix. */
    interface Session {

        /** Adds the next track of the playlist to the history. */
        void play(Track track);

        /**
         * One score per candidate (higher = a better next track) given the tracks played so far; the caller
         * leaves out candidates already played. Needs at least one played track.
         */
        double[] scores();
    }
}

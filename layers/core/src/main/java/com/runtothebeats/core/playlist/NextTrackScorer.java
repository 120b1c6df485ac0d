package com.runtothebeats.core.playlist;

/**
 * The playlist search's flow term from a model of real playlists: how well a catalog track follows the
 * tracks already in a playlist (the seeds and what the search placed after them). Prepared once for one
 * {@link TempoIndex} when the model and the catalog load, so a track is named by its index position and a
 * score is cheap: the search asks for thousands per playlist. The ranking model implements it in the model
 * layer; core only sees this port.
 */
public interface NextTrackScorer {

    /** The model's version, reported as {@code summary.modelVersion}. */
    String version();

    /** The index whose positions name the tracks. */
    TempoIndex index();

    /**
     * The same model prepared for another index (a runner's library, or their mix of library and catalog tracks):
     * a track the model never saw in a playlist is scored from its features, artist and album, as the model scores
     * any unseen track, so a runner's own music gets the same flow term as the catalog's. A pass over the other
     * index's tracks; {@link PlaylistBuilder#over} keeps the result with that index.
     */
    NextTrackScorer preparedFor(TempoIndex other);

    /**
     * An empty playlist.
     *
     * @param genre the style asked for up front (a catalog genre label), or null to let the tracks played so
     *              far set it
     */
    Context start(String genre);

    /** A playlist so far: immutable, so the lines of the beam share their common prefixes. */
    interface Context {

        /** This playlist with {@code track} played next. */
        Context then(int track);

        /**
         * How well {@code track} follows the tracks played so far, higher = better, in units where a
         * difference of 1 weighs like one step round the Camelot wheel at the default weights. Only differences
         * between the scores of one context mean anything. Needs at least one played track.
         */
        double score(int track);
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;

/** A catalog track as search shows it, with what a runner needs to choose it as a seed. */
public record TrackMatch(String id, String name, String artist, String album, double tempo, int key, int mode,
                         String camelot, long durationMs, int popularity) {

    public static TrackMatch of(Track t) {
        return new TrackMatch(t.id(), t.name(), t.artist(), t.album(), t.tempo(), t.features().key(),
                t.features().mode(), t.camelotKey().toString(), t.durationMs(), t.popularity());
    }
}

package com.runtothebeats.core.catalog;

import com.runtothebeats.core.music.CamelotKey;
import java.util.Objects;

/**
 * A track of the catalog, identified by its Spotify track id.
 *
 * @param details release year, explicit flag, time signature, a second tempo: each known or not
 */
public record Track(String id, String name, String artist, String album, int popularity, AudioFeatures features,
                    TrackDetails details) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(features, "features");
        name = name == null ? "" : name;
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
        details = details == null ? TrackDetails.UNKNOWN : details;
    }

    /** A track with nothing known beyond its audio features. */
    public Track(String id, String name, String artist, String album, int popularity, AudioFeatures features) {
        this(id, name, artist, album, popularity, features, TrackDetails.UNKNOWN);
    }

    public SongKey songKey() {
        return SongKey.of(this);
    }

    public double tempo() {
        return features.tempo();
    }

    public long durationMs() {
        return features.durationMs();
    }

    public CamelotKey camelotKey() {
        return CamelotKey.of(features.key(), features.mode());
    }

    public String spotifyUri() {
        return "spotify:track:" + id;
    }
}

package com.runtothebeats.core.catalog;

import com.runtothebeats.core.music.CamelotKey;
import java.util.Objects;

/** A track of the catalog, identified by its Spotify track id. */
public record Track(String id, String name, String artist, String album, int popularity, AudioFeatures features) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(features, "features");
        name = name == null ? "" : name;
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
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

package com.runtothebeats.core.catalog;

import com.runtothebeats.core.music.CamelotKey;
import java.util.Objects;

/**
 * A track of the catalog, identified by its Spotify track id.
 *
 * @param albumId     the album's Spotify id; empty when the source does not give it (then the album is known by
 *                    artist and album name, {@link #albumKey()})
 * @param releaseYear the album's release year, 0 when unknown
 */
public record Track(String id, String name, String artist, String album, int popularity, AudioFeatures features,
                    String albumId, int releaseYear) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(features, "features");
        name = name == null ? "" : name;
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
        albumId = albumId == null ? "" : albumId;
    }

    /** A track whose album id and release year the source does not give. */
    public Track(String id, String name, String artist, String album, int popularity, AudioFeatures features) {
        this(id, name, artist, album, popularity, features, "", 0);
    }

    /** Identifies the album: its id when known, else artist and album name (two albums rarely share both). */
    public String albumKey() {
        return albumId.isEmpty() ? artist + "\u0000" + album : albumId;
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

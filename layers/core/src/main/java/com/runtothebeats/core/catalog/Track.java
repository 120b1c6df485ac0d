package com.runtothebeats.core.catalog;

import com.runtothebeats.core.music.CamelotKey;
import java.util.Objects;

/**
 * A track of the catalog, identified by its Spotify track id.
 *
 * @param albumId the album's Spotify id; empty when the source does not give it (then the album is known by
 *                artist and album name, {@link #albumKey()})
 * @param details release year, explicit flag, time signature, a second tempo: each known or not
 */
public record Track(String id, String name, String artist, String album, int popularity, AudioFeatures features,
                    String albumId, TrackDetails details) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(features, "features");
        name = name == null ? "" : name;
        artist = artist == null ? "" : artist;
        album = album == null ? "" : album;
        albumId = albumId == null ? "" : albumId;
        details = details == null ? TrackDetails.UNKNOWN : details;
    }

    /** A track with nothing known beyond its audio features. */
    public Track(String id, String name, String artist, String album, int popularity, AudioFeatures features) {
        this(id, name, artist, album, popularity, features, "", TrackDetails.UNKNOWN);
    }

    /** A track whose album id the source does not give. */
    public Track(String id, String name, String artist, String album, int popularity, AudioFeatures features,
                 TrackDetails details) {
        this(id, name, artist, album, popularity, features, "", details);
    }

    /** A track with its album id and release year (0 = unknown) and nothing else known. */
    public Track(String id, String name, String artist, String album, int popularity, AudioFeatures features,
                 String albumId, int releaseYear) {
        this(id, name, artist, album, popularity, features, albumId,
                new TrackDetails(releaseYear > 0 ? releaseYear : null, null, null, null));
    }

    /** The release year, 0 when unknown. */
    public int releaseYear() {
        return details.releaseYear() == null ? 0 : details.releaseYear();
    }

    /** Identifies the album: its id when known, else artist and album name (two albums rarely share both). */
    public String albumKey() {
        return albumId.isEmpty() ? artist + "\u0000" + album : albumId;
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

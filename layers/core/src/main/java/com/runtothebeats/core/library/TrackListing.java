package com.runtothebeats.core.library;

import java.util.List;
import java.util.Objects;

/**
 * A track as the runner's music service lists it in their library: its Spotify id and what identifies the
 * recording to a person (and to a search by title and artist), without any audio features.
 *
 * @param artists the credited artists, main artist first
 */
public record TrackListing(String id, String name, List<String> artists, String album, long durationMs) {

    public TrackListing {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        artists = artists == null ? List.of() : List.copyOf(artists);
        album = album == null ? "" : album;
    }

    public String mainArtist() {
        return artists.isEmpty() ? "" : artists.get(0);
    }
}

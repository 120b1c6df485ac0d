package com.runtothebeats.providers.spotify;

/** Track metadata from a playlist's items: what the dataset CSV keeps besides the audio features. */
public record SpotifyTrack(String id, String name, String artist, int popularity, String albumId, String albumName,
                           String albumReleaseDate, long durationMs) {
}

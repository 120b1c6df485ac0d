package com.runtothebeats.core.catalog;

/**
 * Identifies one contiguous playlist sequence of the dataset. Some playlists were collected under two or
 * three genre labels and appear as separate runs, so the id alone is not enough.
 */
public record PlaylistKey(String playlistId, String genre, String subgenre) {
}

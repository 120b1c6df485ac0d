package com.runtothebeats.core.publishing;

/**
 * A finished publish.
 *
 * @param replayed true when an earlier request with the same idempotency key had already finished it
 */
public record PublishedPlaylist(String playlistId, String url, int trackCount, boolean replayed) {
}

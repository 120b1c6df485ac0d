package com.runtothebeats.core.playlist;

import java.util.List;

/**
 * A built playlist: its tracks in order and what the search knew when it chose them.
 *
 * @param totalCost     the sum of the tracks' weighted transition costs (what the search minimised)
 * @param modelVersion  the sequence model's version when flow was measured against its predictions, else null
 * @param beamWidthUsed the beam width that found it (wider than asked when the asked width got stuck)
 */
public record Playlist(List<PlacedTrack> tracks, long requestedMs, double totalCost, String modelVersion, int beamWidthUsed) {

    public Playlist {
        tracks = List.copyOf(tracks);
    }

    public long totalDurationMs() {
        return tracks.stream().mapToLong(t -> t.track().durationMs()).sum();
    }

    public boolean modelUsed() {
        return modelVersion != null;
    }
}

package com.runtothebeats.core.playlist;

import java.util.List;

/**
 * A built playlist: its tracks in order and what the search knew when it chose them.
 *
 * @param totalCost     the sum of the tracks' weighted transition costs (what the search minimised)
 * @param modelVersion  the version of the model the flow term came from, else null
 * @param flowReference what the flow term measured: {@value #RANKING_MODEL} (the ranking model's scores),
 *                      {@value #SEQUENCE_MODEL} (distance to the sequence model's predictions) or
 *                      {@value #PREVIOUS_TRACK} (distance to the previous track)
 * @param beamWidthUsed the beam width that found it (wider than asked when the asked width got stuck)
 */
public record Playlist(List<PlacedTrack> tracks, long requestedMs, double totalCost, String modelVersion, String flowReference,
                       int beamWidthUsed) {

    public static final String RANKING_MODEL = "ranking-model";
    public static final String SEQUENCE_MODEL = "model";
    public static final String PREVIOUS_TRACK = "previous-track";

    public Playlist {
        tracks = List.copyOf(tracks);
    }

    /** A playlist whose flow was measured against the sequence model's predictions when a version is given, else the previous track. */
    public Playlist(List<PlacedTrack> tracks, long requestedMs, double totalCost, String modelVersion, int beamWidthUsed) {
        this(tracks, requestedMs, totalCost, modelVersion, modelVersion == null ? PREVIOUS_TRACK : SEQUENCE_MODEL, beamWidthUsed);
    }

    public long totalDurationMs() {
        return tracks.stream().mapToLong(t -> t.track().durationMs()).sum();
    }

    public boolean modelUsed() {
        return modelVersion != null;
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;

/**
 * A track in its slot of the playlist, with why it is there.
 *
 * @param startMs        when it starts, from the start of the run
 * @param effectiveTempo the tempo the runner hears (its own ×½, ×1 or ×2)
 * @param targetTempo    the plan's tempo at the track's midpoint
 * @param harmonic       whether the move from the previous track is Camelot-compatible (true for the first)
 * @param seed           whether the runner chose it as a starting track
 */
public record PlacedTrack(int position, Track track, long startMs, double effectiveTempo, double targetTempo,
                          boolean harmonic, boolean seed, TransitionScore score) {
}

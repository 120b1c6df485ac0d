package com.runtothebeats.core.playlist;

/**
 * A partial playlist during the beam search: its last track, linked back to the first. Immutable, so the
 * lines of the beam share their common prefixes.
 */
final class PartialPlaylist {
    final PartialPlaylist parent;
    /** The last track's position in the {@link TempoIndex}; -1 for the empty playlist. */
    final int track;
    final int depth;
    final long startMs;
    final long endMs;
    final double effectiveTempo;
    final double targetTempo;
    /** The sum of the transition costs so far. */
    final double cost;
    final TransitionScore score;
    final boolean seed;
    /** On the greedy line: every step the cheapest one from the step before. */
    final boolean greedy;
    /** The scorer's view of this playlist, made when the search first scores steps from it. */
    NextTrackScorer.Context context;

    PartialPlaylist(PartialPlaylist parent, int track, long startMs, long endMs, double effectiveTempo, double targetTempo,
                    double cost, TransitionScore score, boolean seed, boolean greedy) {
        this.parent = parent;
        this.track = track;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.startMs = startMs;
        this.endMs = endMs;
        this.effectiveTempo = effectiveTempo;
        this.targetTempo = targetTempo;
        this.cost = cost;
        this.score = score;
        this.seed = seed;
        this.greedy = greedy;
    }

    static PartialPlaylist empty() {
        return new PartialPlaylist(null, -1, 0, 0, 0, 0, 0, null, false, true);
    }

    boolean isEmpty() {
        return track < 0;
    }
}

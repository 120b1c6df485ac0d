package com.runtothebeats.core.playlist;

import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.List;

/**
 * The answer to a recommendation request, shaped as the API's response body (docs/contracts.md,
 * "Recommendations API"); the CLI's {@code --format json} prints the same object.
 */
public record Recommendation(List<Item> tracks, Summary summary, TargetTempo target, Plan plan) {

    /** One track and why it is where it is. */
    public record Item(int position, String id, String name, String artist, double tempo, double effectiveTempo,
                       double targetTempo, long startMs, int key, int mode, String camelot, long durationMs,
                       boolean harmonic, boolean seed, TransitionScore scores) {
    }

    /**
     * @param meanTempoError   mean |effectiveTempo − targetTempo| over the tracks
     * @param harmonicShare    share of transitions that are Camelot-compatible (1 when there are none)
     * @param meanTempoJump    mean |Δ effectiveTempo| between neighbours
     * @param meanFlowDistance mean flow distance over the tracks that had a reference (all but the first)
     * @param flowReference    "model" when flow was measured against the sequence model's predictions,
     *                         "previous-track" when against the previous track (no promoted model)
     */
    public record Summary(int trackCount, long totalDurationMs, double requestedMinutes, double meanTempoError,
                          double maxTempoError, double harmonicShare, double meanTempoJump, double meanFlowDistance,
                          boolean modelUsed, String modelVersion, String flowReference, double totalCost,
                          int beamWidth, boolean fold, double tempoToleranceBpm, String harmony) {
    }

    /** The plan as resolved, with its curve over the run (minutes → BPM). */
    public record Plan(String type, List<TempoPlan.CurvePoint> curve) {
    }
}

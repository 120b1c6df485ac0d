package com.runtothebeats.core.playlist;

import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.List;

/**
 * The answer to a recommendation request, shaped as the API's response body (docs/contracts.md,
 * "Recommendations API"); the CLI's {@code --format json} prints the same object.
 */
public record Recommendation(List<Item> tracks, Summary summary, TargetTempo target, Plan plan) {

    /**
     * One track and why it is where it is.
     *
     * @param energy  the track's energy 0..1
     * @param effort  the stretch of the run it plays in: warm-up, steady, ramp, work, recovery or cool-down
     * @param songKey the song's identity ({@code core.catalog.SongKey}: "title|primary artist")
     * @param fromLibrary whether the track is from the runner's imported library (else from the catalog)
     */
    public record Item(int position, String id, String name, String artist, double tempo, double effectiveTempo,
                       double targetTempo, long startMs, int key, int mode, String camelot, long durationMs,
                       boolean harmonic, boolean seed, TransitionScore scores, double energy, double danceability,
                       String effort, String songKey, boolean fromLibrary) {
    }

    /**
     * @param meanTempoError   mean |effectiveTempo − targetTempo| over the tracks
     * @param harmonicShare    share of transitions that are Camelot-compatible (1 when there are none)
     * @param meanTempoJump    mean |Δ effectiveTempo| between neighbours
     * @param meanFlowDistance mean flow cost over the tracks that had a reference (all but the first)
     * @param flowReference    "ranking-model" when flow was the ranking model's score, "model" when it was
     *                         measured against the sequence model's predictions, "previous-track" when against
     *                         the previous track (no promoted model)
     * @param distinctSongs    how many different songs ({@code songKey}) the tracks are
     * @param meanEnergy       mean energy over the tracks
     * @param lowEnergyTracks  tracks with energy &lt; 0.5 in steady, ramp or work stretches
     * @param explicitUnknownTracks tracks whose explicit flag is not known (with {@code exclude.explicit}, they stay in)
     * @param dominantGenre    the genre most of the tracks carry, and their share; null when no track has a genre label
     * @param source           where the tracks were drawn from: library, catalog or mix
     * @param fromLibrary      how many of the tracks are from the runner's library
     */
    public record Summary(int trackCount, long totalDurationMs, double requestedMinutes, double meanTempoError,
                          double maxTempoError, double harmonicShare, double meanTempoJump, double meanFlowDistance,
                          boolean modelUsed, String modelVersion, String flowReference, double totalCost,
                          int beamWidth, boolean fold, double tempoToleranceBpm, String harmony,
                          int distinctSongs, double meanEnergy, int lowEnergyTracks, double energyFloor,
                          int explicitUnknownTracks, DominantGenre dominantGenre, String source, int fromLibrary) {
    }

    /** The plan as resolved, with its curve over the run (minutes → BPM). */
    public record Plan(String type, List<TempoPlan.CurvePoint> curve) {
    }
}

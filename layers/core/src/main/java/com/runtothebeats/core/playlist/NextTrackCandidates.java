package com.runtothebeats.core.playlist;

import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.TempoPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tracks that may follow a partial playlist, and what each would cost: retrieval walks only the keys a
 * transition may move to and, within them, the tempo windows around the plan's targets; every candidate is
 * held to the {@link HardConstraints} and scored as a {@link TransitionScore}, including how well its energy
 * fits the stretch of the run it would play in ({@link Effort}).
 */
final class NextTrackCandidates {

    /** A track's place after a partial playlist: its tempos, its scores, and the constraint it breaks if any. */
    record Candidate(double effective, double target, TransitionScore score, String rejection) {
    }

    private final TempoIndex index;
    private final TempoPlan plan;
    private final long requestedMs;
    private final double tolerance;
    private final TransitionWeights weights;
    private final double[] factors;
    private final HardConstraints constraints;

    NextTrackCandidates(TempoIndex index, TempoPlan plan, long requestedMs, PlaylistOptions options, HardConstraints constraints) {
        this.index = index;
        this.plan = plan;
        this.requestedMs = requestedMs;
        this.tolerance = options.toleranceBpm();
        this.weights = options.weights();
        this.factors = Tempo.factors(options.fold());
        this.constraints = constraints;
    }

    /**
     * Offers every feasible next track after {@code node} to the heap; returns how many there were.
     *
     * @param reference what the next track should sound like, or null for no preference
     * @param line      the node's position in the beam
     * @param greedy    whether the node is on the greedy line (its cheapest step is kept apart)
     * @param bound     the cost of the cheapest finished playlist so far: nothing dearer is offered
     */
    int offer(PartialPlaylist node, double[] reference, int line, boolean greedy, double bound, ExpansionHeap heap) {
        heap.startLine();
        long start = node.endMs;
        List<TempoPlan.Band> bands = mergedBands(start, start + index.maxDurationMs() / 2.0);
        int feasible = 0;
        int previousKey = node.isEmpty() ? -1 : index.key(node.track);
        for (int k = 0; k < TempoIndex.KEYS; k++) {
            int steps = previousKey < 0 ? 0 : TempoIndex.wheelSteps(previousKey, k);
            if (!constraints.harmonyAllows(steps)) {
                continue;
            }
            int[] ordered = index.ordered(k);
            for (double factor : factors) {
                for (TempoPlan.Band band : bands) {
                    TempoIndex.Window window = index.window(k, (band.lowBpm() - tolerance) / factor, (band.highBpm() + tolerance) / factor);
                    for (int j = window.from(); j < window.to(); j++) {
                        int t = ordered[j];
                        if (!constraints.allows(t)) {
                            continue;
                        }
                        long duration = index.durationMs(t);
                        double mid = start + duration / 2.0;
                        double target = plan.bpmAt(mid);
                        double trackTempo = index.tempo(t);
                        if (Tempo.foldFactor(trackTempo, target, constraints.factors(t)) != factor) {
                            continue; // found through another factor's window, or not to be heard at this one
                        }
                        double effective = trackTempo * factor;
                        Effort effort = plan.effortAt(mid);
                        if (!constraints.tempoFits(effective, target, start, effort) || constraints.belowFloor(t, effort)) {
                            continue;
                        }
                        // Cheapest parts first: most candidates cannot enter the beam, and need not be
                        // checked for repeats once their cost shows it.
                        double error = Math.abs(effective - target);
                        double cost = node.cost + TransitionScore.weighted(weights, 0, steps, error / tolerance,
                                jump(node, effective, target), fit(start + duration), effort.misfit(index.energy(t), index.danceability(t)))
                                + index.originCost(t);
                        double limit = Math.min(bound, heap.threshold(greedy));
                        if (cost > limit) {
                            feasible++; // tempo-feasible; only its cost keeps it out
                            continue;
                        }
                        if (reference != null) {
                            cost += weights.flow() * index.flowDistance(t, reference);
                            if (cost > limit) {
                                feasible++;
                                continue;
                            }
                        }
                        if (!constraints.allowedAfter(node, t)) {
                            continue;
                        }
                        feasible++;
                        if (cost < bound) {
                            heap.offer(line, t, cost);
                        }
                    }
                }
            }
        }
        return feasible;
    }

    /** The plan's target bands over the possible midpoints, merged so that no track is found twice. */
    private List<TempoPlan.Band> mergedBands(double fromMs, double toMs) {
        List<TempoPlan.Band> bands = new ArrayList<>(plan.bands(fromMs, toMs));
        bands.sort(Comparator.comparingDouble(TempoPlan.Band::lowBpm));
        List<TempoPlan.Band> merged = new ArrayList<>();
        for (TempoPlan.Band b : bands) {
            TempoPlan.Band last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && b.lowBpm() - tolerance <= last.highBpm() + tolerance) {
                merged.set(merged.size() - 1, new TempoPlan.Band(last.lowBpm(), Math.max(last.highBpm(), b.highBpm())));
            } else {
                merged.add(b);
            }
        }
        return merged;
    }

    /** Why a track cannot follow {@code node}, or its scores when it can. */
    Candidate evaluate(PartialPlaylist node, int t, double[] reference) {
        long start = node.endMs;
        long duration = index.durationMs(t);
        double mid = start + duration / 2.0;
        double target = plan.bpmAt(mid);
        double effective = Tempo.effective(index.tempo(t), target, constraints.factors(t));
        double error = Math.abs(effective - target);
        int steps = node.isEmpty() ? 0 : TempoIndex.wheelSteps(index.key(node.track), index.key(t));
        Effort effort = plan.effortAt(mid);
        String rejection = constraints.rejection(node, t, effective, target, start, effort, steps);
        double flow = reference == null ? 0 : index.flowDistance(t, reference);
        TransitionScore score = TransitionScore.of(weights, flow, steps, error / tolerance,
                jump(node, effective, target), fit(start + duration), effort.misfit(index.energy(t), index.danceability(t)),
                index.originCost(t));
        return new Candidate(effective, target, score, rejection);
    }

    /** How far the tempo step into this track strays from the plan's own step, in tolerances. */
    private double jump(PartialPlaylist node, double effective, double target) {
        return node.isEmpty() ? 0 : Math.abs((effective - node.effectiveTempo) - (target - node.targetTempo)) / tolerance;
    }

    /** Minutes past the requested length, when this track ends the playlist. */
    private double fit(long endMs) {
        return endMs >= requestedMs ? (endMs - requestedMs) / 60_000.0 : 0;
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.TempoPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The tracks that may follow a partial playlist, and what each would cost: retrieval walks only the keys a
 * transition may move to and, within them, the tempo windows around the plan's targets; every candidate is
 * held to the {@link HardConstraints} and scored as a {@link TransitionScore}, including how well its energy
 * fits the stretch of the run it would play in ({@link Effort}) and how well it follows the playlist so far
 * (the flow term: the ranking model's score, or a distance in feature space).
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
    /** Scratch for one node's steps (a search is single-threaded): tracks, their costs without flow, their scores. */
    private int[] found = new int[256];
    private double[] cheapCost = new double[256];
    private double[] scores = new double[256];

    /**
     * What the flow term of the steps from one partial playlist measures against: the model's context (its
     * steps scored, {@link #best} the best score among them), a reference vector (Euclidean distance in the
     * standardised feature space), or nothing (the first track, without a model).
     */
    static final class StepFlow {
        static final StepFlow NONE = new StepFlow(null, null);
        final NextTrackScorer.Context context;
        final double[] reference;
        double best = Double.NaN;

        StepFlow(NextTrackScorer.Context context, double[] reference) {
            this.context = context;
            this.reference = reference;
        }

        boolean scored() {
            return context != null;
        }
    }

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
     * @param flow    what the flow term measures against from {@code node}
     * @param line    the node's position in the beam
     * @param greedy  whether the node is on the greedy line (its cheapest step is kept apart)
     * @param bound   the cost of the cheapest finished playlist so far: nothing dearer is offered
     */
    int offer(PartialPlaylist node, StepFlow flow, int line, boolean greedy, double bound, ExpansionHeap heap) {
        heap.startLine();
        int n = collect(node);
        if (flow.scored()) {
            n = rank(node, flow, n);
        }
        int feasible = 0;
        for (int i = 0; i < n; i++) {
            int t = found[i];
            double cost = node.cost + cheapCost[i];
            double limit = Math.min(bound, heap.threshold(greedy));
            if (cost > limit) {
                feasible++; // tempo-feasible; only its cost keeps it out
                continue;
            }
            if (flow.scored()) {
                cost += weights.flow() * (flow.best - scores[i]);
            } else if (flow.reference != null) {
                cost += weights.flow() * index.flowDistance(t, flow.reference);
            }
            if (cost > limit) {
                feasible++;
                continue;
            }
            if (!flow.scored() && !constraints.allowedAfter(node, t)) {
                continue; // (a scored step checked this in rank)
            }
            feasible++;
            if (cost < bound) {
                heap.offer(line, t, cost);
            }
        }
        return feasible;
    }

    /**
     * Scores the {@code n} collected tracks that may follow {@code node} with the model, drops those the
     * no-repeat rules keep out, and sets the flow's best score: a step's flow cost is how far its score falls
     * short of the best feasible step's, so the model's favourite costs 0 and every cost is at least 0.
     */
    private int rank(PartialPlaylist node, StepFlow flow, int n) {
        if (scores.length < found.length) {
            scores = new double[found.length];
        }
        int kept = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int t = found[i];
            if (!constraints.allowedAfter(node, t)) {
                continue;
            }
            double s = flow.context.score(t);
            found[kept] = t;
            cheapCost[kept] = cheapCost[i];
            scores[kept] = s;
            best = Math.max(best, s);
            kept++;
        }
        flow.best = kept == 0 ? 0 : best;
        return kept;
    }

    /**
     * Collects into {@link #found} (and each one's cost without flow into {@link #cheapCost}) every track that
     * may follow {@code node} by tempo, energy floor, harmony and the runner's limits; returns how many.
     * Retrieval walks only the keys a transition may move to and, within them, the tempo windows around the
     * plan's targets.
     */
    private int collect(PartialPlaylist node) {
        int n = 0;
        long start = node.endMs;
        List<TempoPlan.Band> bands = mergedBands(start, start + index.maxDurationMs() / 2.0);
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
                        if (n == found.length) {
                            found = Arrays.copyOf(found, 2 * n);
                            cheapCost = Arrays.copyOf(cheapCost, 2 * n);
                        }
                        found[n] = t;
                        cheapCost[n] = TransitionScore.weighted(weights, 0, steps, Math.abs(effective - target) / tolerance,
                                jump(node, effective, target), fit(start + duration), effort.misfit(index.energy(t), index.danceability(t)))
                                + index.originCost(t);
                        n++;
                    }
                }
            }
        }
        return n;
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
    Candidate evaluate(PartialPlaylist node, int t, StepFlow flow) {
        long start = node.endMs;
        long duration = index.durationMs(t);
        double mid = start + duration / 2.0;
        double target = plan.bpmAt(mid);
        double effective = Tempo.effective(index.tempo(t), target, constraints.factors(t));
        double error = Math.abs(effective - target);
        int steps = node.isEmpty() ? 0 : TempoIndex.wheelSteps(index.key(node.track), index.key(t));
        Effort effort = plan.effortAt(mid);
        String rejection = constraints.rejection(node, t, effective, target, start, effort, steps);
        TransitionScore score = TransitionScore.of(weights, flowCost(node, t, flow), steps, error / tolerance,
                jump(node, effective, target), fit(start + duration), effort.misfit(index.energy(t), index.danceability(t)),
                index.originCost(t));
        return new Candidate(effective, target, score, rejection);
    }

    /** The flow part of the step from {@code node} to {@code t}, as {@link #offer} costs it. */
    private double flowCost(PartialPlaylist node, int t, StepFlow flow) {
        if (flow.scored()) {
            if (Double.isNaN(flow.best)) {
                rank(node, flow, collect(node)); // a seed: no offer has ranked this node's steps
            }
            return Math.max(0, flow.best - flow.context.score(t));
        }
        return flow.reference == null ? 0 : index.flowDistance(t, flow.reference);
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

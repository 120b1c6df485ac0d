package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.catalog.OctaveCheck;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a whole run's playlist by beam search over the tempo index.
 *
 * <p>Hard constraints, never traded for cost: every track's effective tempo within the tolerance of its
 * slot's target (the plan at the track's midpoint); every transition Camelot-compatible (unless strict
 * harmony is off); no track twice (by id, nor the same song under another id); the same artist not within
 * {@value #ARTIST_SPACING} tracks; and the playlist ends with the first track that reaches the requested
 * length, so requested ≤ total &lt; requested + the last track's length. Within them the search minimises
 * the sum of {@link TransitionScore} totals.
 *
 * <p>The beam keeps the greedy line (the cheapest next step from the greedy playlist so far) as one of its
 * members, so the result never costs more than the greedy playlist would. When every line of the beam
 * gets stuck, the search runs once more with a beam of {@value #WIDENED_BEAM_WIDTH} before reporting that no
 * playlist exists.
 */
public final class PlaylistBuilder {

    public static final int ARTIST_SPACING = 3;
    public static final int MAX_SEEDS = 3;
    static final int WIDENED_BEAM_WIDTH = 32;
    /** Keeps effective tempos strictly inside the tolerance even after another program's rounding. */
    private static final double TOLERANCE_MARGIN = 1e-6;

    private final TempoIndex index;
    private final Supplier<Optional<SequenceModel>> models;

    public PlaylistBuilder(TempoIndex index, Optional<SequenceModel> model) {
        this(index, () -> model);
    }

    /** @param models the promoted model when a playlist is built (a newer one may be promoted meanwhile) */
    public PlaylistBuilder(TempoIndex index, Supplier<Optional<SequenceModel>> models) {
        this.index = index;
        this.models = models;
    }

    public TempoIndex index() {
        return index;
    }

    public Optional<SequenceModel> model() {
        return models.get();
    }

    /**
     * @param plan    the tempo plan over the run
     * @param minutes the run's length
     * @param seedIds 0–3 track ids the playlist starts with, in order
     * @throws InvalidInputException for unknown or repeated seeds
     * @throws NoPlaylistException   when no playlist meets the hard constraints
     */
    public Playlist build(TempoPlan plan, double minutes, List<String> seedIds, PlaylistOptions options) {
        return build(plan, minutes, seedIds, options, Candidates.all());
    }

    /**
     * @param candidates the tracks this request may use beyond the seeds (the runner's limits and bans)
     */
    public Playlist build(TempoPlan plan, double minutes, List<String> seedIds, PlaylistOptions options, Candidates candidates) {
        List<Integer> seeds = resolveSeeds(seedIds);
        long requestedMs = Math.round(minutes * 60_000);
        // On a ramp, first ask for tracks that also fit the plan where they start (so a reader who takes a
        // slot's target at its start finds them in tolerance too); only if that finds nothing, midpoints alone.
        List<Boolean> startChecks = plan.gradual() ? List.of(true, false) : List.of(false);
        NoPlaylistException last = null;
        for (boolean alsoAtStart : startChecks) {
            for (PlaylistOptions attempt : options.beamWidth() >= WIDENED_BEAM_WIDTH ? List.of(options)
                    : List.of(options, options.withBeamWidth(WIDENED_BEAM_WIDTH))) {
                try {
                    return search(plan, requestedMs, seeds, attempt, alsoAtStart, candidates);
                } catch (NoPlaylistException stuck) {
                    last = stuck;
                }
            }
        }
        throw last;
    }

    private List<Integer> resolveSeeds(List<String> seedIds) {
        if (seedIds == null || seedIds.isEmpty()) {
            return List.of();
        }
        if (seedIds.size() > MAX_SEEDS) {
            throw new InvalidInputException("seedTrackIds", "seedTrackIds takes 1 to " + MAX_SEEDS + " track ids, was " + seedIds.size());
        }
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < seedIds.size(); i++) {
            String field = "seedTrackIds[" + i + "]";
            String id = seedIds.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(field, field + " is empty");
            }
            OptionalInt found = index.indexOf(id.trim());
            if (found.isEmpty()) {
                throw new InvalidInputException(field, field + ": no track with id '" + id + "' in the catalog (find ids with GET /api/tracks/search?q=)");
            }
            if (seeds.contains(found.getAsInt())) {
                throw new InvalidInputException(field, field + ": track '" + id + "' is already a seed");
            }
            seeds.add(found.getAsInt());
        }
        return seeds;
    }

    /** One beam search at the options' width, as {@link #build} tries first. Visible to tests comparing widths. */
    Playlist search(TempoPlan plan, long requestedMs, List<Integer> seeds, PlaylistOptions options) {
        return search(plan, requestedMs, seeds, options, plan.gradual(), Candidates.all());
    }

    /**
     * One beam search at the options' width, without widening.
     *
     * @param alsoAtStart also hold each track to the tolerance around the plan's value where the track starts
     */
    Playlist search(TempoPlan plan, long requestedMs, List<Integer> seeds, PlaylistOptions options, boolean alsoAtStart,
                    Candidates candidates) {
        Search search = new Search(plan, requestedMs, options, models.get().orElse(null), alsoAtStart, candidates);
        Node start = search.placeSeeds(seeds);
        Node best = search.run(start);
        Playlist playlist = search.toPlaylist(best);
        verify(playlist, plan, options, alsoAtStart);
        return playlist;
    }

    /** A partial playlist: its last track, linked back to the first. Immutable; the beam shares prefixes. */
    private static final class Node {
        final Node parent;
        final int track;
        final int depth;
        final long startMs;
        final long endMs;
        final double effectiveTempo;
        final double targetTempo;
        final double cost;
        final TransitionScore score;
        final boolean seed;
        final boolean greedy;

        Node(Node parent, int track, long startMs, long endMs, double effectiveTempo, double targetTempo,
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

        static Node root() {
            return new Node(null, -1, 0, 0, 0, 0, 0, null, false, true);
        }

        boolean isRoot() {
            return track < 0;
        }
    }

    /** One search's state: the plan, the options, and where it got stuck if it did. */
    private final class Search {
        final TempoPlan plan;
        final long requestedMs;
        final PlaylistOptions options;
        final double tolerance;
        final TransitionWeights weights;
        final double[] factors;
        final SequenceModel model;
        final boolean alsoAtStart;
        final Candidates candidates;
        Node stuckAt;

        Search(TempoPlan plan, long requestedMs, PlaylistOptions options, SequenceModel model, boolean alsoAtStart,
               Candidates candidates) {
            this.candidates = candidates;
            this.model = model;
            this.alsoAtStart = alsoAtStart;
            this.plan = plan;
            this.requestedMs = requestedMs;
            this.options = options;
            this.tolerance = options.toleranceBpm();
            this.weights = options.weights();
            this.factors = Tempo.factors(options.fold());
        }

        /** Appends the seeds in order, holding them to the same hard constraints as every other track. */
        Node placeSeeds(List<Integer> seeds) {
            Node node = Node.root();
            for (int i = 0; i < seeds.size(); i++) {
                int t = seeds.get(i);
                String field = "seedTrackIds[" + i + "]";
                double[] reference = references(List.of(node)).get(0);
                Candidate c = evaluate(node, t, reference);
                if (c.rejection != null) {
                    throw new NoPlaylistException(field, field + " ('" + index.track(t).name() + "' by "
                            + index.track(t).artist() + ") cannot start this playlist: " + c.rejection);
                }
                node = extend(node, t, c, true, true);
                if (node.endMs >= requestedMs) {
                    throw new InvalidInputException("seedTrackIds", "the seed tracks alone last "
                            + minutes(node.endMs) + " minutes, as long as the whole run; ask for more minutes or fewer seeds");
                }
            }
            return node;
        }

        Node run(Node start) {
            int width = options.beamWidth();
            List<Node> beam = new ArrayList<>(List.of(start));
            Node best = null;
            while (!beam.isEmpty()) {
                List<double[]> refs = references(beam);
                Selection selection = new Selection(width);
                int greedyState = -1;
                for (int s = 0; s < beam.size(); s++) {
                    if (beam.get(s).greedy) {
                        greedyState = s;
                    }
                }
                int greedyTrack = -1;
                double greedyCost = Double.POSITIVE_INFINITY;
                for (int s = 0; s < beam.size(); s++) {
                    Node node = beam.get(s);
                    double bound = best == null ? Double.POSITIVE_INFINITY : best.cost;
                    int found = expand(node, refs.get(s), s, s == greedyState, bound, selection);
                    if (found == 0 && (stuckAt == null || node.depth >= stuckAt.depth)) {
                        stuckAt = node;
                    }
                    if (s == greedyState) {
                        greedyTrack = selection.bestTrackOf;
                        greedyCost = selection.bestCostOf;
                    }
                }
                if (selection.size == 0) {
                    break;
                }
                List<int[]> picked = selection.sorted();
                boolean greedyKept = greedyTrack < 0;
                for (int[] p : picked) {
                    if (p[0] == greedyState && p[1] == greedyTrack) {
                        greedyKept = true;
                    }
                }
                if (!greedyKept && greedyCost < (best == null ? Double.POSITIVE_INFINITY : best.cost)) {
                    picked.add(new int[] {greedyState, greedyTrack});
                }
                List<Node> next = new ArrayList<>();
                for (int[] p : picked) {
                    Node parent = beam.get(p[0]);
                    Candidate c = evaluate(parent, p[1], refs.get(p[0]));
                    boolean greedy = p[0] == greedyState && p[1] == greedyTrack;
                    Node child = extend(parent, p[1], c, false, greedy);
                    if (child.endMs >= requestedMs) {
                        if (best == null || child.cost < best.cost) {
                            best = child;
                        }
                    } else {
                        next.add(child);
                    }
                }
                final Node finished = best;
                // Costs only grow, so a partial playlist already dearer than a finished one cannot win.
                next.removeIf(n -> finished != null && n.cost >= finished.cost);
                beam = next;
            }
            if (best == null) {
                throw stuck();
            }
            return best;
        }

        private NoPlaylistException stuck() {
            Node at = stuckAt == null ? Node.root() : stuckAt;
            double minute = at.endMs / 60_000.0;
            double target = plan.bpmAt(at.endMs);
            String after = at.isRoot() ? "for the first track"
                    : "after " + at.depth + " tracks (minute " + round1(minute) + ", last key "
                    + index.track(at.track).camelotKey() + ")";
            String field = plan instanceof TempoPlan.Steady ? "target" : "plan";
            return new NoPlaylistException(field, "No " + minutes(requestedMs) + "-minute playlist meets the constraints in this catalog: "
                    + after + " no unused track is within ±" + tolerance + " BPM of " + round1(target) + " BPM"
                    + (options.strictHarmony() && !at.isRoot() ? ", Camelot-compatible" : "")
                    + " and by an artist not heard in the last " + ARTIST_SPACING + " tracks"
                    + " (searched with a beam of " + options.beamWidth() + "). Try another target, "
                    + (options.fold() ? "" : "folding on, ") + "a wider options.tempoToleranceBpm"
                    + (options.strictHarmony() ? " or options.harmony \"prefer\"" : "") + ".");
        }

        /** Offers every feasible next track after {@code node}; returns how many there were. */
        private int expand(Node node, double[] reference, int state, boolean greedy, double bound, Selection selection) {
            selection.startState();
            long start = node.endMs;
            List<double[]> bands = mergedBands(start, start + index.maxDurationMs() / 2.0);
            int feasible = 0;
            int previousKey = node.isRoot() ? -1 : index.key(node.track);
            for (int k = 0; k < TempoIndex.KEYS; k++) {
                int steps = previousKey < 0 ? 0 : TempoIndex.wheelSteps(previousKey, k);
                if (options.strictHarmony() && steps > 1) {
                    continue;
                }
                int[] ordered = index.ordered(k);
                for (double factor : factors) {
                    for (double[] band : bands) {
                        int[] window = index.window(k, (band[0] - tolerance) / factor, (band[1] + tolerance) / factor);
                        for (int j = window[0]; j < window[1]; j++) {
                            int t = ordered[j];
                            if (!candidates.allows(t)) {
                                continue;
                            }
                            long duration = index.durationMs(t);
                            double mid = start + duration / 2.0;
                            double target = plan.bpmAt(mid);
                            double trackTempo = index.tempo(t);
                            if (Tempo.foldFactor(trackTempo, target, allowedFactors(t)) != factor) {
                                continue; // found through another factor's window, or not to be heard at this one
                            }
                            double effective = trackTempo * factor;
                            double error = Math.abs(effective - target);
                            Effort effort = plan.effortAt(mid);
                            if (error > tolerance - TOLERANCE_MARGIN
                                    || (alsoAtStart && offAtStart(effective, start, effort))
                                    || belowFloor(t, effort)) {
                                continue;
                            }
                            // Cheapest parts first: most candidates cannot enter the beam, and need not be
                            // checked for repeats once their cost shows it.
                            double jump = node.isRoot() ? 0
                                    : Math.abs((effective - node.effectiveTempo) - (target - node.targetTempo)) / tolerance;
                            long end = start + duration;
                            double fit = end >= requestedMs ? (end - requestedMs) / 60_000.0 : 0;
                            double misfit = effort.misfit(index.energy(t), index.danceability(t));
                            double cost = node.cost + TransitionScore.weighted(weights, 0, steps, error / tolerance, jump, fit, misfit);
                            double limit = Math.min(bound, selection.threshold(greedy));
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
                            if (!allowedAfter(node, t)) {
                                continue;
                            }
                            feasible++;
                            if (cost < bound) {
                                selection.offer(state, t, cost);
                            }
                        }
                    }
                }
            }
            return feasible;
        }

    /** No repeat (by id or by song) anywhere before; no same artist among the last few. */
        private boolean allowedAfter(Node node, int t) {
            long song = index.song(t);
            int artist = index.artist(t);
            for (Node n = node; !n.isRoot(); n = n.parent) {
                if (n.track == t || index.song(n.track) == song) {
                    return false;
                }
                if (node.depth - n.depth < ARTIST_SPACING && index.artist(n.track) == artist) {
                    return false;
                }
            }
            return true;
        }

        private int allowedFactors(int t) {
            return options.fold() ? index.allowedFactors(t) : Tempo.AS_IS;
        }

        /**
         * Off the plan where the track starts (on a ramp): not checked across a change of stretch, such as a
         * track starting in the warm-up whose middle is in the ramp.
         */
        private boolean offAtStart(double effective, long start, Effort effortAtMid) {
            return plan.effortAt(start).intensity() == effortAtMid.intensity()
                    && Math.abs(effective - plan.bpmAt(start)) > tolerance - TOLERANCE_MARGIN;
        }

        /** The energy floor holds where the runner works (steady, ramp, interval work). */
        private boolean belowFloor(int t, Effort effort) {
            return effort.intensity().isEffort() && index.energy(t) < options.energyFloor();
        }

        /** The plan's target bands over the possible midpoints, merged so that no track is found twice. */
        private List<double[]> mergedBands(double fromMs, double toMs) {
            List<double[]> bands = new ArrayList<>();
            for (double[] b : plan.bands(fromMs, toMs)) {
                bands.add(b.clone());
            }
            bands.sort((a, b) -> Double.compare(a[0], b[0]));
            List<double[]> merged = new ArrayList<>();
            for (double[] b : bands) {
                double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && b[0] - tolerance <= last[1] + tolerance) {
                    last[1] = Math.max(last[1], b[1]);
                } else {
                    merged.add(b);
                }
            }
            return merged;
        }

        /** Why a track cannot follow {@code node}, or its scores when it can. */
        Candidate evaluate(Node node, int t, double[] reference) {
            long start = node.endMs;
            long duration = index.durationMs(t);
            double mid = start + duration / 2.0;
            double target = plan.bpmAt(mid);
            double trackTempo = index.tempo(t);
            double effective = Tempo.effective(trackTempo, target, allowedFactors(t));
            double error = Math.abs(effective - target);
            int steps = node.isRoot() ? 0 : TempoIndex.wheelSteps(index.key(node.track), index.key(t));
            Effort effort = plan.effortAt(mid);
            String rejection = null;
            if (error > tolerance - TOLERANCE_MARGIN) {
                rejection = "its tempo " + round1(trackTempo) + " BPM" + (effective != trackTempo ? " (heard at " + round1(effective) + ")" : "")
                        + " is not within ±" + tolerance + " BPM of the target " + round1(target) + " BPM"
                        + (options.fold() && allowedFactors(t) == Tempo.AS_IS ? " (its tempo may be an octave off, so it is only heard as is)" : "");
            } else if (alsoAtStart && offAtStart(effective, start, effort)) {
                rejection = "its tempo " + round1(effective) + " BPM is not within ±" + tolerance + " BPM of the plan's "
                        + round1(plan.bpmAt(start)) + " BPM where it would start";
            } else if (belowFloor(t, effort)) {
                rejection = "its energy " + String.format(Locale.ROOT, "%.2f", index.energy(t)) + " is below options.energyFloor "
                        + options.energyFloor() + " in this " + effort.intensity().label() + " stretch";
            } else if (options.strictHarmony() && steps > 1) {
                rejection = "its key " + index.track(t).camelotKey() + " is not Camelot-compatible with "
                        + index.track(node.track).camelotKey();
            } else if (!allowedAfter(node, t)) {
                rejection = "the same song or artist is already within the last " + ARTIST_SPACING + " tracks";
            }
            double flow = reference == null ? 0 : index.flowDistance(t, reference);
            double jump = node.isRoot() ? 0 : Math.abs((effective - node.effectiveTempo) - (target - node.targetTempo)) / tolerance;
            long end = start + duration;
            double fit = end >= requestedMs ? (end - requestedMs) / 60_000.0 : 0;
            double misfit = effort.misfit(index.energy(t), index.danceability(t));
            TransitionScore score = TransitionScore.of(weights, flow, steps, error / tolerance, jump, fit, misfit);
            return new Candidate(effective, target, score, rejection);
        }

        Node extend(Node parent, int t, Candidate c, boolean seed, boolean greedy) {
            long start = parent.endMs;
            return new Node(parent, t, start, start + index.durationMs(t), c.effective, c.target,
                    parent.cost + c.score.total(), c.score, seed, greedy);
        }

        /** What each partial playlist's next track should sound like: the model's prediction, or its last track. */
        List<double[]> references(List<Node> beam) {
            List<double[]> refs = new ArrayList<>(Collections.nCopies(beam.size(), (double[]) null));
            if (model == null) {
                for (int s = 0; s < beam.size(); s++) {
                    Node n = beam.get(s);
                    refs.set(s, n.isRoot() ? null : index.vector(n.track));
                }
                return refs;
            }
            List<List<AudioFeatures>> histories = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (int s = 0; s < beam.size(); s++) {
                Node n = beam.get(s);
                if (!n.isRoot()) {
                    histories.add(history(n));
                    slots.add(s);
                }
            }
            if (!histories.isEmpty()) {
                List<double[]> predicted = model.predictNextBatch(histories); // one batched call per step
                for (int i = 0; i < slots.size(); i++) {
                    refs.set(slots.get(i), predicted.get(i));
                }
            }
            return refs;
        }

        private List<AudioFeatures> history(Node node) {
            List<AudioFeatures> out = new ArrayList<>(node.depth);
            for (Node n = node; !n.isRoot(); n = n.parent) {
                out.add(index.track(n.track).features());
            }
            Collections.reverse(out);
            return out;
        }

        Playlist toPlaylist(Node last) {
            List<Node> chain = new ArrayList<>();
            for (Node n = last; !n.isRoot(); n = n.parent) {
                chain.add(n);
            }
            Collections.reverse(chain);
            List<PlacedTrack> placed = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                Node n = chain.get(i);
                boolean harmonic = i == 0 || TempoIndex.wheelSteps(index.key(chain.get(i - 1).track), index.key(n.track)) <= 1;
                placed.add(new PlacedTrack(i, index.track(n.track), n.startMs, n.effectiveTempo, n.targetTempo, harmonic, n.seed, n.score));
            }
            return new Playlist(placed, requestedMs, last.cost, model == null ? null : model.version(), options.beamWidth());
        }
    }

    private record Candidate(double effective, double target, TransitionScore score, String rejection) {
    }

    /**
     * The cheapest {@code width} expansions of the whole beam (a bounded max-heap on cost), plus the
     * cheapest expansion of the state being expanded, for the greedy line.
     */
    private static final class Selection {
        final int width;
        final int[] states;
        final int[] tracks;
        final double[] costs;
        int size;
        int bestTrackOf;
        double bestCostOf;

        Selection(int width) {
            this.width = width;
            this.states = new int[width];
            this.tracks = new int[width];
            this.costs = new double[width];
        }

        /**
         * The cost above which an offer changes nothing: it would not enter the kept expansions, nor be the
         * greedy line's best step.
         */
        double threshold(boolean greedyState) {
            double kept = size < width ? Double.POSITIVE_INFINITY : costs[0];
            return greedyState ? Math.max(kept, bestCostOf) : kept;
        }

        void startState() {
            bestTrackOf = -1;
            bestCostOf = Double.POSITIVE_INFINITY;
        }

        /** Ordering: cost, then state, then track index, so every run picks the same playlist. */
        private static boolean before(double c1, int s1, int t1, double c2, int s2, int t2) {
            if (c1 != c2) {
                return c1 < c2;
            }
            if (s1 != s2) {
                return s1 < s2;
            }
            return t1 < t2;
        }

        void offer(int state, int track, double cost) {
            if (cost < bestCostOf || (cost == bestCostOf && track < bestTrackOf)) {
                bestCostOf = cost;
                bestTrackOf = track;
            }
            if (size < width) {
                states[size] = state;
                tracks[size] = track;
                costs[size] = cost;
                siftUp(size++);
            } else if (before(cost, state, track, costs[0], states[0], tracks[0])) {
                states[0] = state;
                tracks[0] = track;
                costs[0] = cost;
                siftDown(0);
            }
        }

        private boolean worse(int a, int b) {
            return before(costs[b], states[b], tracks[b], costs[a], states[a], tracks[a]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int worst = i;
                if (l < size && worse(l, worst)) {
                    worst = l;
                }
                if (r < size && worse(r, worst)) {
                    worst = r;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int s = states[a];
            states[a] = states[b];
            states[b] = s;
            int t = tracks[a];
            tracks[a] = tracks[b];
            tracks[b] = t;
            double c = costs[a];
            costs[a] = costs[b];
            costs[b] = c;
        }

        /** The kept expansions, cheapest first, as {state, track}. */
        List<int[]> sorted() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : before(costs[a], states[a], tracks[a], costs[b], states[b], tracks[b]) ? -1 : 1);
            List<int[]> out = new ArrayList<>();
            for (int i : order) {
                out.add(new int[] {states[i], tracks[i]});
            }
            return out;
        }
    }

    /**
     * Checks the hard constraints on a finished playlist independently of how the search reached it: a
     * broken constraint here is a bug, and failing loudly beats handing a runner a wrong playlist.
     */
    static void verify(Playlist playlist, TempoPlan plan, PlaylistOptions options, boolean alsoAtStart) {
        List<PlacedTrack> tracks = playlist.tracks();
        Set<String> ids = new HashSet<>();
        Set<SongKey> songs = new HashSet<>();
        long elapsed = 0;
        for (int i = 0; i < tracks.size(); i++) {
            PlacedTrack p = tracks.get(i);
            long duration = p.track().durationMs();
            double target = plan.bpmAt(elapsed + duration / 2.0);
            check(p.startMs() == elapsed, "track " + i + " starts at " + p.startMs() + " ms, expected " + elapsed);
            check(p.targetTempo() == target, "track " + i + " has target " + p.targetTempo() + ", the plan says " + target);
            check(p.effectiveTempo() == Tempo.effective(p.track().tempo(), target, OctaveCheck.allowedFactors(p.track(), options.fold())),
                    "track " + i + " folded wrongly");
            check(Math.abs(p.effectiveTempo() - target) <= options.toleranceBpm(), "track " + i + " is off tempo");
            Effort effort = plan.effortAt(elapsed + duration / 2.0);
            check(!alsoAtStart || plan.effortAt(elapsed).intensity() != effort.intensity()
                            || Math.abs(p.effectiveTempo() - plan.bpmAt(elapsed)) <= options.toleranceBpm(),
                    "track " + i + " is off the plan where it starts");
            check(ids.add(p.track().id()), "track " + p.track().id() + " repeats");
            check(songs.add(p.track().songKey()), "song " + p.track().songKey() + " repeats");
            check(!effort.intensity().isEffort() || p.track().features().energy() >= options.energyFloor(),
                    "track " + i + " is below the energy floor in a " + effort.intensity().label() + " stretch");
            if (i > 0) {
                int steps = p.track().camelotKey().stepsTo(tracks.get(i - 1).track().camelotKey());
                check(!options.strictHarmony() || steps <= 1, "transition into track " + i + " is not harmonic");
            }
            for (int back = 1; back <= ARTIST_SPACING && i - back >= 0; back++) {
                check(!tracks.get(i - back).track().songKey().primaryArtist().equals(p.track().songKey().primaryArtist()),
                        "artist of track " + i + " repeats within " + ARTIST_SPACING + " tracks");
            }
            elapsed += duration;
        }
        long last = tracks.isEmpty() ? 0 : tracks.get(tracks.size() - 1).track().durationMs();
        check(elapsed >= playlist.requestedMs() && elapsed - last < playlist.requestedMs(), "the playlist's length misses the run");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException("playlist search broke a hard constraint: " + problem);
        }
    }

    private static String minutes(long ms) {
        return round1(ms / 60_000.0);
    }

    private static String round1(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}

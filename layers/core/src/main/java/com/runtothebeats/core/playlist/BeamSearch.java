package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One beam search for one plan and options: each step expands every line of the beam by its feasible next
 * tracks, keeps the cheapest {@code beamWidth} (plus the greedy line's cheapest step), and remembers the
 * cheapest finished playlist. Remembers where it got stuck, to say so when no playlist exists.
 */
final class BeamSearch {
    private final TempoIndex index;
    private final TempoPlan plan;
    private final long requestedMs;
    private final PlaylistOptions options;
    private final SequenceModel model;
    private final NextTrackScorer scorer;
    private final String genre;
    private final NextTrackCandidates candidates;
    private PartialPlaylist stuckAt;

    /**
     * @param scorer the ranking model's scorer for this index, or null: then the sequence model
     * @param genre  the style asked for (given to the scorer), or null to let the first tracks set it
     * @param model  the sequence model predicting each next track's sound, or null to follow the last track's
     */
    BeamSearch(TempoIndex index, TempoPlan plan, long requestedMs, PlaylistOptions options, NextTrackScorer scorer,
               String genre, SequenceModel model, HardConstraints constraints) {
        this.index = index;
        this.plan = plan;
        this.requestedMs = requestedMs;
        this.options = options;
        this.scorer = scorer;
        this.genre = genre;
        this.model = scorer == null ? model : null;
        this.candidates = new NextTrackCandidates(index, plan, requestedMs, options, constraints);
    }

    /** Appends the seeds in order, holding them to the same hard constraints as every other track. */
    PartialPlaylist placeSeeds(List<Integer> seeds) {
        PartialPlaylist node = PartialPlaylist.empty();
        for (int i = 0; i < seeds.size(); i++) {
            int t = seeds.get(i);
            String field = "seedTrackIds[" + i + "]";
            NextTrackCandidates.Candidate c = candidates.evaluate(node, t, flows(List.of(node)).get(0));
            if (c.rejection() != null) {
                throw new NoPlaylistException(field, field + " ('" + index.track(t).name() + "' by "
                        + index.track(t).artist() + ") cannot start this playlist: " + c.rejection());
            }
            node = extend(node, t, c, true, true);
            if (node.endMs >= requestedMs) {
                throw new InvalidInputException("seedTrackIds", "the seed tracks alone last "
                        + HardConstraints.minutes(node.endMs) + " minutes, as long as the whole run; ask for more minutes or fewer seeds");
            }
        }
        return node;
    }

    /** The cheapest finished playlist the beam finds from {@code start}. */
    PartialPlaylist run(PartialPlaylist start) {
        int width = options.beamWidth();
        List<PartialPlaylist> beam = new ArrayList<>(List.of(start));
        PartialPlaylist best = null;
        while (!beam.isEmpty()) {
            List<NextTrackCandidates.StepFlow> refs = flows(beam);
            ExpansionHeap heap = new ExpansionHeap(width);
            int greedyLine = -1;
            for (int s = 0; s < beam.size(); s++) {
                if (beam.get(s).greedy) {
                    greedyLine = s;
                }
            }
            int greedyTrack = -1;
            double greedyCost = Double.POSITIVE_INFINITY;
            for (int s = 0; s < beam.size(); s++) {
                PartialPlaylist node = beam.get(s);
                double bound = best == null ? Double.POSITIVE_INFINITY : best.cost;
                int found = candidates.offer(node, refs.get(s), s, s == greedyLine, bound, heap);
                if (found == 0 && (stuckAt == null || node.depth >= stuckAt.depth)) {
                    stuckAt = node;
                }
                if (s == greedyLine) {
                    greedyTrack = heap.bestTrackOfLine();
                    greedyCost = heap.bestCostOfLine();
                }
            }
            if (heap.size() == 0) {
                break;
            }
            List<Expansion> picked = heap.sorted();
            Expansion greedyStep = new Expansion(greedyLine, greedyTrack);
            boolean greedyKept = greedyTrack < 0 || picked.contains(greedyStep);
            if (!greedyKept && greedyCost < (best == null ? Double.POSITIVE_INFINITY : best.cost)) {
                picked.add(greedyStep);
            }
            List<PartialPlaylist> next = new ArrayList<>();
            for (Expansion p : picked) {
                PartialPlaylist parent = beam.get(p.line());
                NextTrackCandidates.Candidate c = candidates.evaluate(parent, p.track(), refs.get(p.line()));
                PartialPlaylist child = extend(parent, p.track(), c, false, p.equals(greedyStep));
                if (child.endMs >= requestedMs) {
                    if (best == null || child.cost < best.cost) {
                        best = child;
                    }
                } else {
                    next.add(child);
                }
            }
            final PartialPlaylist finished = best;
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
        PartialPlaylist at = stuckAt == null ? PartialPlaylist.empty() : stuckAt;
        double minute = at.endMs / 60_000.0;
        double target = plan.bpmAt(at.endMs);
        String after = at.isEmpty() ? "for the first track"
                : "after " + at.depth + " tracks (minute " + HardConstraints.round1(minute) + ", last key "
                + index.track(at.track).camelotKey() + ")";
        String field = plan instanceof TempoPlan.Steady ? "target" : "plan";
        return new NoPlaylistException(field, "No " + HardConstraints.minutes(requestedMs) + "-minute playlist meets the constraints in this catalog: "
                + after + " no unused track is within ±" + options.toleranceBpm() + " BPM of " + HardConstraints.round1(target) + " BPM"
                + (options.strictHarmony() && !at.isEmpty() ? ", Camelot-compatible" : "")
                + " and by an artist not heard in the last " + PlaylistBuilder.ARTIST_SPACING + " tracks"
                + " (searched with a beam of " + options.beamWidth() + "). Try another target, "
                + (options.fold() ? "" : "folding on, ") + "a wider options.tempoToleranceBpm"
                + (options.strictHarmony() ? " or options.harmony \"prefer\"" : "") + ".");
    }

    private PartialPlaylist extend(PartialPlaylist parent, int t, NextTrackCandidates.Candidate c, boolean seed, boolean greedy) {
        long start = parent.endMs;
        return new PartialPlaylist(parent, t, start, start + index.durationMs(t), c.effective(), c.target(),
                parent.cost + c.score().total(), c.score(), seed, greedy);
    }

    /**
     * What the flow term of each partial playlist's next step measures against: the ranking model's view of
     * the playlist so far (the first track is free, and sets the style when none was asked for); else what the
     * next track should sound like, the sequence model's prediction or the last track.
     */
    private List<NextTrackCandidates.StepFlow> flows(List<PartialPlaylist> beam) {
        List<NextTrackCandidates.StepFlow> out = new ArrayList<>(beam.size());
        if (scorer != null) {
            for (PartialPlaylist n : beam) {
                out.add(n.isEmpty() ? NextTrackCandidates.StepFlow.NONE : new NextTrackCandidates.StepFlow(context(n), null));
            }
            return out;
        }
        for (double[] reference : references(beam)) {
            out.add(reference == null ? NextTrackCandidates.StepFlow.NONE : new NextTrackCandidates.StepFlow(null, reference));
        }
        return out;
    }

    private NextTrackScorer.Context context(PartialPlaylist node) {
        if (node.context == null) {
            node.context = node.isEmpty() ? scorer.start(genre) : context(node.parent).then(node.track);
        }
        return node.context;
    }

    /** What each partial playlist's next track should sound like: the model's prediction, or its last track. */
    private List<double[]> references(List<PartialPlaylist> beam) {
        List<double[]> refs = new ArrayList<>(Collections.nCopies(beam.size(), (double[]) null));
        if (model == null) {
            for (int s = 0; s < beam.size(); s++) {
                PartialPlaylist n = beam.get(s);
                refs.set(s, n.isEmpty() ? null : index.vector(n.track));
            }
            return refs;
        }
        List<List<AudioFeatures>> histories = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int s = 0; s < beam.size(); s++) {
            PartialPlaylist n = beam.get(s);
            if (!n.isEmpty()) {
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

    private List<AudioFeatures> history(PartialPlaylist node) {
        List<AudioFeatures> out = new ArrayList<>(node.depth);
        for (PartialPlaylist n = node; !n.isEmpty(); n = n.parent) {
            out.add(index.track(n.track).features());
        }
        Collections.reverse(out);
        return out;
    }

    /** The finished playlist ending in {@code last}, as the API shows it. */
    Playlist toPlaylist(PartialPlaylist last) {
        List<PartialPlaylist> chain = new ArrayList<>();
        for (PartialPlaylist n = last; !n.isEmpty(); n = n.parent) {
            chain.add(n);
        }
        Collections.reverse(chain);
        List<PlacedTrack> placed = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            PartialPlaylist n = chain.get(i);
            boolean harmonic = i == 0 || TempoIndex.wheelSteps(index.key(chain.get(i - 1).track), index.key(n.track)) <= 1;
            placed.add(new PlacedTrack(i, index.track(n.track), n.startMs, n.effectiveTempo, n.targetTempo, harmonic, n.seed, n.score));
        }
        String version = scorer != null ? scorer.version() : model == null ? null : model.version();
        return new Playlist(placed, requestedMs, last.cost, version, scorer != null ? Playlist.RANKING_MODEL
                : model != null ? Playlist.SEQUENCE_MODEL : Playlist.PREVIOUS_TRACK, options.beamWidth());
    }
}

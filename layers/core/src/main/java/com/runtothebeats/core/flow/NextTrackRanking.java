package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the true next track of every playlist position among a candidate set, the way {@code ./beats
 * rank-next} lists candidates and the outside code scores them: at position i &ge; 1 the candidates
 * are all tracks of the set except tracks 0..i-1 of the playlist, ordered by score (best first), equal scores
 * in candidate-set order. HitRate@10, HitRate@100 and MRR follow from the true track's place in that order.
 */
public final class NextTrackRanking {

    private final List<PlaylistSequence> playlists;
    private final List<Track> candidates;
    private final Map<String, Integer> indexOf;

    /** @param candidates distinct tracks (by id); a repeated id keeps its first place */
    public NextTrackRanking(List<PlaylistSequence> playlists, List<Track> candidates) {
        this.playlists = List.copyOf(playlists);
        this.candidates = distinct(candidates);
        this.indexOf = indexOf(this.candidates);
    }

    /** The distinct tracks of the playlists, in first-seen order: the candidate set of {@code evaluate}. */
    public static List<Track> tracksOf(List<PlaylistSequence> playlists) {
        return distinct(playlists.stream().flatMap(p -> p.tracks().stream()).toList());
    }

    public int candidateCount() {
        return candidates.size();
    }

    /** What is visited at each position: the position within the playlist, its scores and the played set. */
    @FunctionalInterface
    public interface PositionVisitor {
        void visit(int position, double[] scores, boolean[] played);
    }

    /**
     * Plays one playlist through a fresh session and visits every position i &ge; 1 with the scores made from
     * tracks 0..i-1 only; {@code played[c]} marks candidates that are among those tracks.
     */
    public static void forEachPosition(NextTrackRanker.Candidates prepared, Map<String, Integer> indexOf,
                                       PlaylistSequence playlist, PositionVisitor visitor) {
        NextTrackRanker.Session session = prepared.start(new PlaylistContext(playlist.genre(), playlist.subgenre()));
        boolean[] played = new boolean[prepared.tracks().size()];
        List<Track> tracks = playlist.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            if (i > 0) {
                visitor.visit(i, session.scores(), played);
            }
            Track track = tracks.get(i);
            session.play(track);
            Integer c = indexOf.get(track.id());
            if (c != null) {
                played[c] = true;
            }
        }
    }

    public RankingMetrics evaluate(NextTrackRanker ranker) {
        NextTrackRanker.Candidates prepared = ranker.prepare(candidates);
        long[] hits = new long[2];
        double[] reciprocal = new double[1];
        long[] count = new long[1];
        for (PlaylistSequence playlist : playlists) {
            List<Track> tracks = playlist.tracks();
            forEachPosition(prepared, indexOf, playlist, (i, scores, played) -> {
                Integer target = indexOf.get(tracks.get(i).id());
                int rank = target == null || played[target] ? Integer.MAX_VALUE : rank(scores, played, target);
                if (rank <= 10) {
                    hits[0]++;
                }
                if (rank <= 100) {
                    hits[1]++;
                }
                reciprocal[0] += rank == Integer.MAX_VALUE ? 0 : 1.0 / rank;
                count[0]++;
            });
        }
        long n = count[0];
        if (n == 0) {
            return new RankingMetrics(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new RankingMetrics((double) hits[0] / n, (double) hits[1] / n, reciprocal[0] / n, n);
    }

    /** The target's place in the ordering by score, ties broken by candidate order; played ones left out. */
    static int rank(double[] scores, boolean[] played, int target) {
        double s = scores[target];
        int before = 0;
        for (int c = 0; c < scores.length; c++) {
            if (c != target && !played[c] && (scores[c] > s || (scores[c] == s && c < target))) {
                before++;
            }
        }
        return before + 1;
    }

    /** The indices of the best {@code top} unplayed candidates, best first, ties in candidate order. */
    public static int[] top(double[] scores, boolean[] played, int top) {
        Integer[] order = new Integer[scores.length];
        int n = 0;
        for (int c = 0; c < scores.length; c++) {
            if (!played[c]) {
                order[n++] = c;
            }
        }
        Integer[] open = Arrays.copyOf(order, n);
        Arrays.sort(open, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        int k = Math.min(top, n);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = open[i];
        }
        return out;
    }

    /** Baselines first, in {@link RankingBaseline.Kind} order, keyed by their labels. */
    public Map<String, RankingMetrics> evaluateBaselines(com.runtothebeats.core.catalog.FeatureTransform transform) {
        Map<String, RankingMetrics> out = new LinkedHashMap<>();
        for (RankingBaseline baseline : RankingBaseline.all(transform)) {
            out.put(baseline.version(), evaluate(baseline));
        }
        return out;
    }

    public static Map<String, Integer> indexOf(List<Track> candidates) {
        Map<String, Integer> out = new HashMap<>();
        for (int c = 0; c < candidates.size(); c++) {
            out.putIfAbsent(candidates.get(c).id(), c);
        }
        return out;
    }

    private static List<Track> distinct(List<Track> tracks) {
        Set<String> seen = new HashSet<>();
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (seen.add(t.id())) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}

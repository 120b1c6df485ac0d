package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores next-track predictors on playlists, the way the project judges the sequence model: for every
 * playlist and every position i &ge; 1, the prediction made from tracks 0..i-1 is compared with track i.
 * <ul>
 *   <li>MAE: mean absolute error over the eight standardised flow features;</li>
 *   <li>HitRate@10 and MRR: the true track's rank among every distinct track of the evaluated playlists,
 *       by Euclidean distance to the prediction in standardised space (rank 1 + the number of candidates
 *       strictly closer, so ties never flatter a predictor).</li>
 * </ul>
 */
public final class NextTrackEvaluation {

    public static final int HIT_RATE_CUTOFF = 10;

    private final FeatureTransform transform;
    private final List<PlaylistSequence> playlists;
    private final double[][] candidates;
    private final Map<String, Integer> candidateIndex = new LinkedHashMap<>();

    public NextTrackEvaluation(FeatureTransform transform, List<PlaylistSequence> playlists) {
        this.transform = transform;
        this.playlists = List.copyOf(playlists);
        List<double[]> vectors = new ArrayList<>();
        for (PlaylistSequence playlist : playlists) {
            for (Track track : playlist.tracks()) {
                if (!candidateIndex.containsKey(track.id())) {
                    candidateIndex.put(track.id(), vectors.size());
                    vectors.add(transform.standardise(track.features()));
                }
            }
        }
        this.candidates = vectors.toArray(double[][]::new);
    }

    public int candidateCount() {
        return candidates.length;
    }

    public FlowMetrics evaluate(SequenceModel model) {
        return score(playlist -> model.predictEachNext(new PlaylistContext(playlist.genre(), playlist.subgenre()),
                playlist.tracks().stream().map(Track::features).toList()));
    }

    /**
     * The hindsight reference: each track predicted by the median of all the <em>other</em> tracks of its
     * playlist, the ones after it included. It is not a predictor (it sees the future) but a yardstick: the
     * tracks of a playlist are close to exchangeable, so no predictor that reads the playlist's own tracks
     * is expected to get much below it, and a target under it needs information the playlist does not hold.
     */
    public FlowMetrics evaluateHindsight() {
        return score(playlist -> {
            List<double[]> standardised = playlist.tracks().stream().map(this::standardised).toList();
            List<double[]> out = new ArrayList<>(standardised.size() - 1);
            for (int i = 1; i < standardised.size(); i++) {
                out.add(medianWithout(standardised, i));
            }
            return out;
        });
    }

    /** @param predictions for a playlist, the list whose element i-1 is the prediction for track i */
    private FlowMetrics score(Function<PlaylistSequence, List<double[]>> predictions) {
        double absoluteError = 0;
        long hits = 0;
        double reciprocalRanks = 0;
        long count = 0;
        for (PlaylistSequence playlist : playlists) {
            List<Track> tracks = playlist.tracks();
            if (tracks.size() < 2) {
                continue;
            }
            List<double[]> predicted = predictions.apply(playlist);
            for (int i = 1; i < tracks.size(); i++) {
                double[] prediction = predicted.get(i - 1);
                double[] actual = standardised(tracks.get(i));
                for (int j = 0; j < FlowFeature.COUNT; j++) {
                    absoluteError += Math.abs(prediction[j] - actual[j]);
                }
                int rank = rank(prediction, actual);
                if (rank <= HIT_RATE_CUTOFF) {
                    hits++;
                }
                reciprocalRanks += 1.0 / rank;
                count++;
            }
        }
        if (count == 0) {
            return new FlowMetrics(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new FlowMetrics(absoluteError / (count * FlowFeature.COUNT), (double) hits / count,
                reciprocalRanks / count, count);
    }

    /** The track's standardised vector, computed once when the candidates were built. */
    private double[] standardised(Track track) {
        return candidates[candidateIndex.get(track.id())];
    }

    private static double[] medianWithout(List<double[]> vectors, int left) {
        RunningFlowStatistics others = new RunningFlowStatistics(FlowFeature.COUNT, vectors.size() - 1);
        for (int k = 0; k < vectors.size(); k++) {
            if (k != left) {
                others.add(vectors.get(k));
            }
        }
        return others.median();
    }

    /** Baselines first, in {@link NextTrackBaseline.Kind} order, keyed by their labels. */
    public Map<String, FlowMetrics> evaluateBaselines() {
        Map<String, FlowMetrics> out = new LinkedHashMap<>();
        for (NextTrackBaseline baseline : NextTrackBaseline.all(transform)) {
            out.put(baseline.kind().label(), evaluate(baseline));
        }
        return out;
    }

    private int rank(double[] predicted, double[] actual) {
        double target = squaredDistance(predicted, actual);
        int closer = 0;
        for (double[] candidate : candidates) {
            if (squaredDistance(predicted, candidate) < target) {
                closer++;
            }
        }
        return closer + 1;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }
}

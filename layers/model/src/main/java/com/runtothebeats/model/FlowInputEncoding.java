package com.runtothebeats.model;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.flow.RunningFlowStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the network reads at each step of a playlist: the track itself (eight standardised flow features
 * and its mode) and robust statistics of the playlist so far (running median, mean and quartiles, the
 * share of major-key tracks, and how many tracks there have been). The network predicts an offset from
 * the running median, so it starts from the strongest simple predictor and only has to learn corrections.
 * Every value at step t depends on tracks 0..t only, which is what keeps predictions from looking ahead.
 */
public final class FlowInputEncoding {

    /** Names of the inputs in order; written to the model manifest as its input schema. */
    public static final List<String> INPUTS = names();
    public static final int SIZE = INPUTS.size();
    /** Input width of models trained before the subgenre prior was an input; they are still served. */
    public static final int SIZE_WITHOUT_PRIOR = SIZE - FlowFeature.COUNT - 1;
    /** Playlist length the count features are scaled by (the dataset keeps at most 100 tracks per playlist). */
    private static final double TYPICAL_LENGTH = 100;
    /** Pseudo-count of the subgenre prior: the blend weight that scored best on validation splits by hand. */
    private static final double PRIOR_WEIGHT = 3;

    private FlowInputEncoding() {
    }

    /**
     * @param inputs    [step][SIZE] network inputs
     * @param medians   [step][8] running median after each step: the base the network's offset is added to
     * @param tracks    [step][8] each track's standardised flow features
     */
    public record Encoded(float[][] inputs, double[][] medians, double[][] tracks) {
        public int length() {
            return inputs.length;
        }

        public int width() {
            return inputs.length == 0 ? SIZE : inputs[0].length;
        }
    }

    public static Encoded encode(List<AudioFeatures> playlist, FeatureTransform transform) {
        return encode(playlist, transform, null, SIZE);
    }

    /**
     * @param prior the playlist's subgenre prior ({@link SubgenrePriors}), null when unknown: then the
     *              prior inputs are the catalog's centre and the "known" flag is -1
     * @param width {@link #SIZE}, or {@link #SIZE_WITHOUT_PRIOR} for a model that does not read the prior
     */
    public static Encoded encode(List<AudioFeatures> playlist, FeatureTransform transform, double[] prior, int width) {
        if (width != SIZE && width != SIZE_WITHOUT_PRIOR) {
            throw new IllegalArgumentException("the model reads " + width + " inputs per step but this code encodes "
                    + SIZE + " (or " + SIZE_WITHOUT_PRIOR + " without the subgenre prior)");
        }
        int n = playlist.size();
        float[][] inputs = new float[n][width];
        double[][] medians = new double[n][];
        double[][] tracks = new double[n][];
        RunningFlowStatistics statistics = new RunningFlowStatistics(FlowFeature.COUNT, n);
        int majors = 0;
        for (int t = 0; t < n; t++) {
            AudioFeatures features = playlist.get(t);
            double[] z = transform.standardise(features);
            statistics.add(z);
            majors += features.isMajor() ? 1 : 0;
            double[] median = statistics.median();
            int at = 0;
            float[] row = inputs[t];
            at = put(row, at, z);
            row[at++] = features.isMajor() ? 1f : -1f;
            at = put(row, at, median);
            at = put(row, at, statistics.mean());
            at = put(row, at, statistics.quantile(0.25));
            at = put(row, at, statistics.quantile(0.75));
            row[at++] = (float) (2.0 * majors / (t + 1) - 1);
            row[at++] = (float) (1.0 / (t + 1));
            row[at++] = (float) (Math.log(t + 1) / Math.log(TYPICAL_LENGTH));
            if (width == SIZE) {
                if (prior != null) {
                    // the shrinkage step towards the prior a playlist of t + 1 tracks deserves; a linear read-out
                    // of it is the classic "k / (n + k)" blend, which the network can scale per feature
                    double weight = PRIOR_WEIGHT / (t + 1 + PRIOR_WEIGHT);
                    for (int j = 0; j < FlowFeature.COUNT; j++) {
                        row[at++] = (float) (weight * (prior[j] - median[j]));
                    }
                }
                row[SIZE - 1] = prior != null ? 1f : -1f;
            }
            medians[t] = median;
            tracks[t] = z;
        }
        return new Encoded(inputs, medians, tracks);
    }

    private static int put(float[] row, int at, double[] values) {
        for (double v : values) {
            row[at++] = (float) v;
        }
        return at;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("track", "", "runningMedian", "runningMean", "runningLowerQuartile", "runningUpperQuartile")) {
            if (prefix.isEmpty()) {
                names.add("track.mode");
                continue;
            }
            for (String feature : FlowFeature.columnNames()) {
                names.add(prefix + "." + feature);
            }
        }
        names.add("runningMajorShare");
        names.add("inverseCount");
        names.add("logCount");
        for (String feature : FlowFeature.columnNames()) {
            names.add("subgenrePriorShrinkage." + feature);
        }
        names.add("subgenrePriorKnown");
        return List.copyOf(names);
    }
}

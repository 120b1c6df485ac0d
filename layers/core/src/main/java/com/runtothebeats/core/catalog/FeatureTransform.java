package com.runtothebeats.core.catalog;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The fitted transform that puts the eight flow features on one scale: Yeo-Johnson per feature, then
 * z-score standardisation. The sequence model learns and predicts in this space, and flow distances are
 * measured in it. Fitted once per pipeline run and stored as versioned JSON beside the data it came from.
 *
 * @param version  identifies the fit (the pipeline runId that produced it)
 * @param features feature names, in {@link FlowFeature} order
 * @param lambdas  Yeo-Johnson lambda per feature
 * @param means    mean of the Yeo-Johnson-transformed values per feature
 * @param stds     standard deviation of the transformed values per feature
 * @param minimums smallest original value seen per feature (inverse results are clamped to the range seen)
 * @param maximums largest original value seen per feature
 */
public record FeatureTransform(
        String version,
        List<String> features,
        double[] lambdas,
        double[] means,
        double[] stds,
        double[] minimums,
        double[] maximums) {

    public FeatureTransform {
        int n = FlowFeature.COUNT;
        if (features.size() != n || lambdas.length != n || means.length != n || stds.length != n
                || minimums.length != n || maximums.length != n) {
            throw new IllegalArgumentException("a feature transform needs exactly " + n + " values per parameter");
        }
        if (!features.equals(FlowFeature.columnNames())) {
            throw new IllegalArgumentException("feature order must be " + FlowFeature.columnNames() + ", was " + features);
        }
    }

    /** Fits lambdas, means and standard deviations on the given tracks' features. */
    public static FeatureTransform fit(String version, Collection<AudioFeatures> sample) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a feature transform on no tracks");
        }
        int n = FlowFeature.COUNT;
        double[][] columns = new double[n][sample.size()];
        int row = 0;
        for (AudioFeatures f : sample) {
            double[] v = f.flowValues();
            for (int j = 0; j < n; j++) {
                columns[j][row] = v[j];
            }
            row++;
        }
        double[] lambdas = new double[n];
        double[] means = new double[n];
        double[] stds = new double[n];
        double[] mins = new double[n];
        double[] maxs = new double[n];
        // The eight features are independent fits; on more than one core they run side by side.
        java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
            double[] column = columns[j];
            lambdas[j] = YeoJohnson.fitLambda(column);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double[] t = new double[column.length];
            for (int i = 0; i < column.length; i++) {
                t[i] = YeoJohnson.transform(column[i], lambdas[j]);
                sum += t[i];
                min = Math.min(min, column[i]);
                max = Math.max(max, column[i]);
            }
            double mean = sum / t.length;
            double squares = 0;
            for (double v : t) {
                squares += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(squares / t.length);
            means[j] = mean;
            stds[j] = std > 0 ? std : 1.0; // a constant feature stays at 0 rather than dividing by zero
            mins[j] = min;
            maxs[j] = max;
        });
        return new FeatureTransform(version, FlowFeature.columnNames(), lambdas, means, stds, mins, maxs);
    }

    /** The eight flow features of a track in standardised space. */
    public double[] standardise(AudioFeatures features) {
        return standardise(features.flowValues());
    }

    /** Original units (in {@link FlowFeature} order) to standardised space. */
    public double[] standardise(double[] original) {
        double[] out = new double[FlowFeature.COUNT];
        for (int j = 0; j < out.length; j++) {
            out[j] = (YeoJohnson.transform(original[j], lambdas[j]) - means[j]) / stds[j];
        }
        return out;
    }

    /** Standardised space back to the dataset's original units, clamped to the range seen when fitting. */
    public double[] toOriginal(double[] standardised) {
        double[] out = new double[FlowFeature.COUNT];
        for (int j = 0; j < out.length; j++) {
            double value = YeoJohnson.inverse(standardised[j] * stds[j] + means[j], lambdas[j]);
            out[j] = Math.max(minimums[j], Math.min(maximums[j], value));
        }
        return out;
    }

    /**
     * The features with each unknown (NaN) flow feature set to the catalog's typical value (the mean in
     * standardised space), so a track known only by tempo and key is scored as "unknown", neither near nor far,
     * and the sequence model never sees a NaN.
     */
    public AudioFeatures withUnknownAtMean(AudioFeatures f) {
        if (f.hasFlowFeatures()) {
            return f;
        }
        double[] typical = toOriginal(new double[FlowFeature.COUNT]);
        double[] v = f.flowValues();
        for (int j = 0; j < v.length; j++) {
            if (Double.isNaN(v[j])) {
                v[j] = typical[j];
            }
        }
        return new AudioFeatures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], f.key(), f.mode(), f.tempo(), f.durationMs());
    }

    // Records compare arrays by identity; a transform read back from storage must equal the one written.
    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureTransform t
                && version.equals(t.version) && features.equals(t.features)
                && Arrays.equals(lambdas, t.lambdas) && Arrays.equals(means, t.means)
                && Arrays.equals(stds, t.stds) && Arrays.equals(minimums, t.minimums)
                && Arrays.equals(maximums, t.maximums);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + Arrays.hashCode(lambdas);
    }

    @Override
    public String toString() {
        return "FeatureTransform[" + version + ", lambdas=" + Arrays.toString(lambdas) + "]";
    }
}

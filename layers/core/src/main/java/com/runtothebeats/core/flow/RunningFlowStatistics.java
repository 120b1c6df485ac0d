package com.runtothebeats.core.flow;

import java.util.Arrays;

/**
 * Order statistics of a playlist so far, per flow feature, updated one track at a time: the running
 * median, mean and quartiles that both the baselines and the sequence model's inputs are built from.
 * Values are kept sorted per feature (insertion), so each update costs O(n) and each query O(1).
 */
public final class RunningFlowStatistics {

    private final int dimensions;
    private final double[][] sorted;
    private final double[] sums;
    private int count;

    public RunningFlowStatistics(int dimensions, int expectedLength) {
        this.dimensions = dimensions;
        this.sorted = new double[dimensions][Math.max(4, expectedLength)];
        this.sums = new double[dimensions];
    }

    public void add(double[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " values, got " + vector.length);
        }
        for (int j = 0; j < dimensions; j++) {
            if (count == sorted[j].length) {
                sorted[j] = Arrays.copyOf(sorted[j], count * 2);
            }
            double[] column = sorted[j];
            int at = Arrays.binarySearch(column, 0, count, vector[j]);
            if (at < 0) {
                at = -at - 1;
            }
            System.arraycopy(column, at, column, at + 1, count - at);
            column[at] = vector[j];
            sums[j] += vector[j];
        }
        count++;
    }

    public int count() {
        return count;
    }

    public double[] mean() {
        requireSome();
        double[] out = new double[dimensions];
        for (int j = 0; j < dimensions; j++) {
            out[j] = sums[j] / count;
        }
        return out;
    }

    public double[] median() {
        return quantile(0.5);
    }

    /** The p-quantile per feature with linear interpolation between order statistics (numpy's default). */
    public double[] quantile(double p) {
        requireSome();
        double position = (count - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(count - 1, below + 1);
        double fraction = position - below;
        double[] out = new double[dimensions];
        for (int j = 0; j < dimensions; j++) {
            out[j] = sorted[j][below] + (sorted[j][above] - sorted[j][below]) * fraction;
        }
        return out;
    }

    private void requireSome() {
        if (count == 0) {
            throw new IllegalStateException("no tracks seen yet");
        }
    }
}

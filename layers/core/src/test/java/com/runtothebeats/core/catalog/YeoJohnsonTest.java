package com.runtothebeats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YeoJohnsonTest {

    private static final double EXACT = 1e-12;

    @Test
    void matchesTheFormulaWorkedByHand() {
        // y >= 0, lambda != 0: ((y + 1)^lambda - 1) / lambda
        assertEquals(2 * (Math.sqrt(2) - 1), YeoJohnson.transform(1, 0.5), EXACT);   // 0.828427...
        assertEquals(7.5, YeoJohnson.transform(3, 2), EXACT);                         // (16 - 1) / 2
        assertEquals(0.0, YeoJohnson.transform(0, 1.7), EXACT);
        // y >= 0, lambda == 0: ln(y + 1)
        assertEquals(Math.log(2), YeoJohnson.transform(1, 0), EXACT);
        // y < 0, lambda != 2: -((1 - y)^(2 - lambda) - 1) / (2 - lambda)
        assertEquals(-14.0 / 3.0, YeoJohnson.transform(-3, 0.5), EXACT);              // -(4^1.5 - 1) / 1.5
        assertEquals(-1.0, YeoJohnson.transform(-1, 1), EXACT);                       // lambda 1 is the identity
        // y < 0, lambda == 2: -ln(1 - y)
        assertEquals(-Math.log(2), YeoJohnson.transform(-1, 2), EXACT);
        // loudness-like values
        assertEquals(-(Math.pow(7.634, 1.25) - 1) / 1.25, YeoJohnson.transform(-6.634, 0.75), EXACT);
    }

    @Test
    void inverseUndoesTheTransform() {
        double[] lambdas = {-2.5, -0.5, 0, 0.3, 1, 1.5, 2, 3.7};
        double[] values = {-46.448, -6.634, -1, -0.25, 0, 1e-5, 0.0583, 0.5, 0.994, 1.275, 12.0};
        for (double lambda : lambdas) {
            for (double y : values) {
                double back = YeoJohnson.inverse(YeoJohnson.transform(y, lambda), lambda);
                assertEquals(y, back, 1e-9 * Math.max(1, Math.abs(y)), "y=" + y + " lambda=" + lambda);
            }
        }
    }

    @Test
    void fitsLambdaZeroWhenLog1pMakesTheSampleNormal() {
        // If log(1 + y) is exactly normal, the maximum-likelihood Yeo-Johnson lambda is 0.
        Random random = new Random(7);
        double[] sample = new double[4000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = Math.expm1(1.0 + 0.4 * random.nextGaussian());
        }
        assertEquals(0.0, YeoJohnson.fitLambda(sample), 0.05);
    }

    @Test
    void fittedLambdaIsTheMaximumOfTheLikelihood() {
        Random random = new Random(11);
        double[][] samples = new double[3][2000];
        for (int i = 0; i < 2000; i++) {
            samples[0][i] = Math.pow(random.nextDouble(), 3);             // skewed towards 0, like speechiness
            samples[1][i] = -Math.abs(8 * random.nextGaussian()) - 2;     // negative, like loudness in dB
            samples[2][i] = 1 - Math.pow(random.nextDouble(), 2);        // skewed towards 1, like energy
        }
        for (double[] sample : samples) {
            double lambda = YeoJohnson.fitLambda(sample);
            double best = likelihoodByTheFormula(sample, lambda);
            assertTrue(best > likelihoodByTheFormula(sample, lambda - 0.01), "below " + lambda);
            assertTrue(best > likelihoodByTheFormula(sample, lambda + 0.01), "above " + lambda);
            assertEquals(best, YeoJohnson.logLikelihood(sample, lambda), 1e-6 * Math.abs(best));
        }
    }

    /**
     * The Yeo-Johnson profile log-likelihood written out directly from the paper, with the public
     * transform: -n/2 log(variance of the transformed sample) + (lambda - 1) sum sign(y) log(1 + |y|).
     */
    private static double likelihoodByTheFormula(double[] sample, double lambda) {
        int n = sample.length;
        double[] t = new double[n];
        double mean = 0;
        double jacobian = 0;
        for (int i = 0; i < n; i++) {
            t[i] = YeoJohnson.transform(sample[i], lambda);
            mean += t[i] / n;
            jacobian += Math.signum(sample[i]) * Math.log1p(Math.abs(sample[i]));
        }
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean) / n;
        }
        return -n / 2.0 * Math.log(variance) + (lambda - 1) * jacobian;
    }

    @Test
    void aTinySampleKeepsTheIdentity() {
        assertEquals(1.0, YeoJohnson.fitLambda(new double[] {0.3}), EXACT);
    }
}

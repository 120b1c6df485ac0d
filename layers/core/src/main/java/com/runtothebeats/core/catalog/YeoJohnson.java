package com.runtothebeats.core.catalog;

/**
 * The Yeo-Johnson power transform (Yeo &amp; Johnson, 2000): like Box-Cox, it makes skewed features
 * closer to normal, but it is defined for zero and negative values too (loudness is in negative dB).
 */
public final class YeoJohnson {

    private static final double EPS = 1e-12;
    /** Search bounds for lambda: wide enough for our features, narrow enough to keep pow() finite. */
    static final double LAMBDA_MIN = -30.0;
    static final double LAMBDA_MAX = 30.0;

    private YeoJohnson() {
    }

    public static double transform(double y, double lambda) {
        if (y >= 0) {
            return Math.abs(lambda) < EPS ? Math.log1p(y) : (Math.pow(y + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < EPS
                ? -Math.log1p(-y)
                : -(Math.pow(1 - y, 2 - lambda) - 1) / (2 - lambda);
    }

    public static double inverse(double x, double lambda) {
        if (x >= 0) {
            if (Math.abs(lambda) < EPS) {
                return Math.expm1(x);
            }
            // With lambda < 0 the transform's range is bounded; a value past its edge maps to +infinity,
            // which callers clamp to the range they observed.
            double base = x * lambda + 1;
            return base <= 0 ? Double.POSITIVE_INFINITY : Math.pow(base, 1 / lambda) - 1;
        }
        if (Math.abs(lambda - 2) < EPS) {
            return -Math.expm1(-x);
        }
        double base = -(2 - lambda) * x + 1;
        return base <= 0 ? Double.NEGATIVE_INFINITY : 1 - Math.pow(base, 1 / (2 - lambda));
    }

    /**
     * The maximum-likelihood lambda for the sample (the same criterion as scipy.stats.yeojohnson and
     * scikit-learn's PowerTransformer), found by a coarse grid then golden-section refinement.
     */
    public static double fitLambda(double[] values) {
        if (values.length < 2) {
            return 1.0; // identity: too little data to estimate a shape
        }
        SignedLogs logs = new SignedLogs(values);
        java.util.function.DoubleUnaryOperator negLogLik = lambda -> -logs.logLikelihood(lambda);

        int steps = 240;
        double best = LAMBDA_MIN;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double lambda = LAMBDA_MIN + (LAMBDA_MAX - LAMBDA_MIN) * i / steps;
            double v = negLogLik.applyAsDouble(lambda);
            if (v < bestValue) {
                bestValue = v;
                best = lambda;
            }
        }
        double step = (LAMBDA_MAX - LAMBDA_MIN) / steps;
        return goldenSection(negLogLik, Math.max(LAMBDA_MIN, best - step), Math.min(LAMBDA_MAX, best + step));
    }

    /** The profile log-likelihood of lambda for the sample (what {@link #fitLambda} maximises). */
    static double logLikelihood(double[] values, double lambda) {
        return new SignedLogs(values).logLikelihood(lambda);
    }

    /**
     * log(1 + |y|) per value, computed once per fit: every transform in the search is then
     * expm1(power * log) instead of a pow() (same value, (y + 1)^l - 1 = expm1(l * log(1 + y))), which makes
     * fitting the 23k-track catalog several times faster.
     */
    private static final class SignedLogs {
        private final double[] logs;
        private final boolean[] negative;
        private final double signedLogSum;

        SignedLogs(double[] values) {
            logs = new double[values.length];
            negative = new boolean[values.length];
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                negative[i] = values[i] < 0;
                logs[i] = Math.log1p(Math.abs(values[i]));
                sum += negative[i] ? -logs[i] : logs[i];
            }
            signedLogSum = sum;
        }

        double logLikelihood(double lambda) {
            int n = logs.length;
            boolean logBranchPositive = Math.abs(lambda) < EPS;
            boolean logBranchNegative = Math.abs(lambda - 2) < EPS;
            double[] t = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double log = logs[i];
                if (!negative[i]) {
                    t[i] = logBranchPositive ? log : Math.expm1(lambda * log) / lambda;
                } else {
                    t[i] = logBranchNegative ? -log : -Math.expm1((2 - lambda) * log) / (2 - lambda);
                }
                mean += t[i];
            }
            mean /= n;
            double variance = 0;
            for (double v : t) {
                variance += (v - mean) * (v - mean);
            }
            variance /= n;
            if (!(variance > 0) || Double.isInfinite(variance)) {
                return Double.NEGATIVE_INFINITY;
            }
            return -n / 2.0 * Math.log(variance) + (lambda - 1) * signedLogSum;
        }
    }

    private static double goldenSection(java.util.function.DoubleUnaryOperator f, double a, double b) {
        final double ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (Math.abs(b - a) > 1e-9) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }
}

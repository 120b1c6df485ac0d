package com.runtothebeats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureTransformTest {

    static List<AudioFeatures> sample(int n, long seed) {
        Random random = new Random(seed);
        List<AudioFeatures> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            features.add(new AudioFeatures(
                    Math.pow(random.nextDouble(), 2), 0.3 + 0.6 * random.nextDouble(), random.nextDouble(),
                    Math.pow(random.nextDouble(), 6), 0.05 + 0.5 * Math.pow(random.nextDouble(), 2),
                    -2 - 10 * Math.abs(random.nextGaussian()), Math.pow(random.nextDouble(), 3) * 0.6,
                    random.nextDouble(), random.nextInt(12), random.nextInt(2), 80 + 100 * random.nextDouble(),
                    150_000 + random.nextInt(100_000)));
        }
        return features;
    }

    @Test
    void standardisedFeaturesHaveMeanZeroAndUnitVariance() {
        List<AudioFeatures> tracks = sample(3000, 1);
        FeatureTransform transform = FeatureTransform.fit("run-1", tracks);
        double[] sum = new double[FlowFeature.COUNT];
        double[] squares = new double[FlowFeature.COUNT];
        for (AudioFeatures f : tracks) {
            double[] z = transform.standardise(f);
            for (int j = 0; j < z.length; j++) {
                sum[j] += z[j];
                squares[j] += z[j] * z[j];
            }
        }
        for (int j = 0; j < FlowFeature.COUNT; j++) {
            assertEquals(0.0, sum[j] / tracks.size(), 1e-9, FlowFeature.values()[j].columnName());
            assertEquals(1.0, squares[j] / tracks.size(), 1e-9, FlowFeature.values()[j].columnName());
        }
    }

    @Test
    void toOriginalUndoesStandardise() {
        List<AudioFeatures> tracks = sample(500, 2);
        FeatureTransform transform = FeatureTransform.fit("run-2", tracks);
        for (AudioFeatures f : tracks.subList(0, 50)) {
            assertArrayEquals(f.flowValues(), transform.toOriginal(transform.standardise(f)), 1e-9);
        }
    }

    @Test
    void toOriginalStaysWithinTheRangeSeen() {
        FeatureTransform transform = FeatureTransform.fit("run-3", sample(500, 3));
        double[] far = new double[FlowFeature.COUNT];
        java.util.Arrays.fill(far, 40.0);
        double[] original = transform.toOriginal(far);
        for (int j = 0; j < far.length; j++) {
            assertEquals(transform.maximums()[j], original[j], 1e-12);
        }
    }

    @Test
    void refusesAnEmptySample() {
        assertThrows(IllegalArgumentException.class, () -> FeatureTransform.fit("run-4", List.of()));
    }
}

package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.runtothebeats.core.flow.FlowMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice of how much of the network's pull towards the catalog centre to keep (numbers from real runs). */
class InwardShareTest {

    private static final Map<String, FlowMetrics> BASELINES = Map.of(
            "global-mean", new FlowMetrics(0.8269, 0.0020, 0.0018, 5094),
            "running-median", new FlowMetrics(0.6546, 0.0175, 0.0102, 5094));

    private static Map<Double, FlowMetrics> trials(double... maeHitMrr) {
        Map<Double, FlowMetrics> out = new LinkedHashMap<>();
        double[] shares = {1.0, 0.75, 0.5, 0.25, 0.0};
        for (int i = 0; i < shares.length; i++) {
            out.put(shares[i], new FlowMetrics(maeHitMrr[3 * i], maeHitMrr[3 * i + 1], maeHitMrr[3 * i + 2], 5094));
        }
        return out;
    }

    @Test
    void keepsHalfTheMaeGainAndSpendsTheRestOnRanking() {
        // gain 0.0080 over the running median: MAE may rise to 0.6506; 0.5 is the smallest share within it
        assertEquals(0.5, FlowModelTrainer.chooseInwardShare(trials(
                0.6466, 0.0159, 0.0094, 0.6469, 0.0165, 0.0098, 0.6482, 0.0165, 0.0101,
                0.6507, 0.0169, 0.0101, 0.6544, 0.0171, 0.0101), BASELINES));
    }

    @Test
    void prefersTheLargestShareThatBeatsEveryBaselineOnEveryMeasure() {
        assertEquals(0.75, FlowModelTrainer.chooseInwardShare(trials(
                0.6466, 0.0159, 0.0094, 0.6469, 0.0180, 0.0105, 0.6482, 0.0185, 0.0110,
                0.6507, 0.0190, 0.0111, 0.6544, 0.0200, 0.0120), BASELINES));
    }

    @Test
    void aNetworkThatLosesOnMaeKeepsItsFullOffset() {
        assertEquals(1.0, FlowModelTrainer.chooseInwardShare(trials(
                0.6600, 0.0159, 0.0094, 0.6600, 0.0165, 0.0098, 0.6600, 0.0165, 0.0101,
                0.6600, 0.0169, 0.0101, 0.6600, 0.0171, 0.0101), BASELINES));
    }
}

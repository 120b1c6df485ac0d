package com.runtothebeats.core.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private final Map<String, RankingMetrics> baselines = Map.of(
            "same-artist-then-distance", new RankingMetrics(0.15, 0.30, 0.07, 1000),
            "popularity", new RankingMetrics(0.01, 0.05, 0.005, 1000));
    private final FlowMetrics flow = new FlowMetrics(0.640, 0.01, 0.008, 1000);
    private final FlowMetrics runningMedian = new FlowMetrics(0.655, 0.02, 0.01, 1000);
    private final RankingMetrics good = new RankingMetrics(0.22, 0.45, 0.10, 1000);

    @Test
    void promotesARankingModelThatBeatsEveryBaselineAndTheCurrentModel() {
        assertTrue(PromotionGate.decide(good, baselines, null, flow, runningMedian).promote());
        assertTrue(PromotionGate.decide(good, baselines, new RankingMetrics(0.21, 0.4, 0.095, 1000), flow, runningMedian).promote());
    }

    @Test
    void keepsTheCurrentModelWhenItRanksBetter() {
        PromotionGate.Decision d = PromotionGate.decide(good, baselines, new RankingMetrics(0.2, 0.4, 0.11, 1000), flow, runningMedian);
        assertFalse(d.promote());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("does not beat the current model's")), d.reasons().toString());
    }

    @Test
    void needsBothHitRateAndMrrAboveEveryBaseline() {
        RankingMetrics hitsOnly = new RankingMetrics(0.2, 0.4, 0.06, 1000);
        PromotionGate.Decision d = PromotionGate.decide(hitsOnly, baselines, null, flow, runningMedian);
        assertFalse(d.promote());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("does not beat baseline same-artist-then-distance")), d.reasons().toString());
    }

    @Test
    void neverTradesAWorkingPredictNextForABetterRanking() {
        FlowMetrics worseThanMedian = new FlowMetrics(0.66, 0.02, 0.01, 1000);
        PromotionGate.Decision d = PromotionGate.decide(good, baselines, null, worseThanMedian, runningMedian);
        assertFalse(d.promote());
        assertTrue(d.reasons().stream().anyMatch(r -> r.contains("is above the running median")), d.reasons().toString());
        assertTrue(PromotionGate.decide(good, baselines, null, new FlowMetrics(0.655, 0, 0, 1000), runningMedian).promote(),
                "at the running median is enough");
    }

    @Test
    void noPositionsNoPromotion() {
        assertFalse(PromotionGate.decide(new RankingMetrics(Double.NaN, Double.NaN, Double.NaN, 0), Map.of(), null, flow,
                runningMedian).promote());
    }
}

package com.runtothebeats.core.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a newly trained model version replaces the promoted one, on ranking: all measures come
 * from the same validation playlists (unseen in training), each position's true track ranked among all their
 * tracks. The new ranking model must beat every ranking baseline on HitRate@10 and on MRR, and the current
 * version's ranking model on MRR (a current version without a ranking model never blocks). The flow model
 * that serves {@code predict-next} rides along in the same version, so its MAE must stay at or below the
 * running median's: a version never trades a working predict-next for a better ranking.
 */
public final class PromotionGate {

    private PromotionGate() {
    }

    public record Decision(boolean promote, List<String> reasons) {
    }

    /**
     * @param current       the promoted version's ranking model on the same playlists, or null when none is
     *                      promoted or it has no ranking model
     * @param flow          the new version's flow model (predict-next) on the same playlists
     * @param runningMedian the running median baseline's flow metrics there
     */
    public static Decision decide(RankingMetrics candidate, Map<String, RankingMetrics> baselines, RankingMetrics current,
                                  FlowMetrics flow, FlowMetrics runningMedian) {
        List<String> reasons = new ArrayList<>();
        boolean promote = candidate.positions() > 0 && Double.isFinite(candidate.mrr());
        if (!promote) {
            reasons.add("no validation positions to judge the ranking model by");
        }
        for (Map.Entry<String, RankingMetrics> baseline : baselines.entrySet()) {
            RankingMetrics b = baseline.getValue();
            boolean better = candidate.beats(b);
            promote &= better;
            reasons.add(String.format(Locale.ROOT, "HitRate@10 %.4f / MRR %.4f %s baseline %s (%.4f / %.4f)",
                    candidate.hitRateAt10(), candidate.mrr(), better ? "beats" : "does not beat", baseline.getKey(),
                    b.hitRateAt10(), b.mrr()));
        }
        if (current == null) {
            reasons.add("no ranking model is promoted yet");
        } else {
            boolean better = candidate.mrr() > current.mrr();
            promote &= better;
            reasons.add(String.format(Locale.ROOT, "MRR %.4f %s the current model's %.4f", candidate.mrr(),
                    better ? "beats" : "does not beat", current.mrr()));
        }
        boolean flowHolds = flow != null && runningMedian != null && flow.mae() <= runningMedian.mae();
        promote &= flowHolds;
        reasons.add(flow == null || runningMedian == null ? "no flow-model MAE to check predict-next by"
                : String.format(Locale.ROOT, "predict-next MAE %.4f %s the running median's %.4f", flow.mae(),
                        flowHolds ? "is at or below" : "is above", runningMedian.mae()));
        return new Decision(promote, List.copyOf(reasons));
    }
}

package com.runtothebeats.core.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a newly trained sequence model replaces the promoted one. All measures come from the
 * same validation playlists (unseen in training). The gate is MAE, the measure the model is trained for
 * and judged on: the new model must have a lower MAE than every baseline and than the current model.
 * HitRate@10 and MRR are recorded beside it (manifest, Train output) but do not block a promotion: they
 * reward predictions in sparse regions of the feature space while MAE rewards the conditional median, so
 * on this data they pull in different directions (README "Sequence model").
 */
public final class PromotionGate {

    private PromotionGate() {
    }

    public record Decision(boolean promote, List<String> reasons) {
    }

    /**
     * @param current the promoted model on the same validation playlists, or null when none is promoted
     */
    public static Decision decide(FlowMetrics candidate, Map<String, FlowMetrics> baselines, FlowMetrics current) {
        List<String> reasons = new ArrayList<>();
        boolean promote = candidate.predictions() > 0 && Double.isFinite(candidate.mae());
        if (!promote) {
            reasons.add("no validation predictions to judge the model by");
        }
        for (Map.Entry<String, FlowMetrics> baseline : baselines.entrySet()) {
            boolean better = candidate.mae() < baseline.getValue().mae();
            promote &= better;
            reasons.add(String.format(java.util.Locale.ROOT, "MAE %.4f %s %s baseline %.4f", candidate.mae(),
                    better ? "beats" : "does not beat", baseline.getKey(), baseline.getValue().mae()));
        }
        if (current == null) {
            reasons.add("no model is promoted yet");
        } else {
            boolean better = candidate.mae() < current.mae();
            promote &= better;
            reasons.add(String.format(java.util.Locale.ROOT, "MAE %.4f %s the current model's %.4f", candidate.mae(),
                    better ? "beats" : "does not beat", current.mae()));
        }
        return new Decision(promote, List.copyOf(reasons));
    }
}

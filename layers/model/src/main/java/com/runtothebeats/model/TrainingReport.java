package com.runtothebeats.model;

import com.runtothebeats.core.flow.FlowMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a training run did and how well the result does on its validation playlists.
 *
 * @param validation metrics of the trained model on the validation playlists
 * @param baselines  the simple predictors on the same playlists, by label
 */
public record TrainingReport(
        TrainingOptions options,
        int trainingPlaylists,
        int validationPlaylists,
        int epochsRun,
        int bestEpoch,
        List<Double> trainingLoss,
        List<Double> validationMae,
        double seconds,
        FlowMetrics validation,
        Map<String, FlowMetrics> baselines) {

    /** True when the model has lower MAE and higher HitRate@10 and MRR than every baseline. */
    public boolean beatsEveryBaseline() {
        return baselines.values().stream().allMatch(validation::beatsOnEveryMeasure);
    }
}

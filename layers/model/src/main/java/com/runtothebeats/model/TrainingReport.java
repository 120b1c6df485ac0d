package com.runtothebeats.model;

import com.runtothebeats.core.flow.FlowMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a training run did and how well the result does on its validation playlists.
 *
 * @param validation metrics of the trained model on the validation playlists
 * @param baselines  the simple predictors on the same playlists, by label
 * @param inwardShare the share of the network's inward pull kept (see {@link FlowModelTrainer#chooseInwardShare})
 * @param inwardShareTrials validation metrics for each share tried
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
        Map<String, FlowMetrics> baselines,
        double inwardShare,
        Map<Double, FlowMetrics> inwardShareTrials) {

    /** True when the model has lower MAE and higher HitRate@10 and MRR than every baseline. */
    public boolean beatsEveryBaseline() {
        return baselines.values().stream().allMatch(validation::beatsOnEveryMeasure);
    }
}

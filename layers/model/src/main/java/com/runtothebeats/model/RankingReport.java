package com.runtothebeats.model;

import com.runtothebeats.core.flow.RankingMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a ranking training run did and how well the result ranks its validation playlists.
 *
 * @param candidates the validation candidate set's size (all distinct tracks of the validation playlists)
 * @param validation the kept epoch's metrics on the validation playlists
 * @param baselines  the ranking baselines on the same playlists and candidates
 */
public record RankingReport(RankingOptions options, int trainingPlaylists, int validationPlaylists, int candidates,
                            int epochsRun, int bestEpoch, List<Double> trainingLoss, List<RankingMetrics> validationByEpoch,
                            double seconds, RankingMetrics validation, Map<String, RankingMetrics> baselines) {

    /** True when the model beats every baseline on HitRate@10 and MRR. */
    public boolean beatsEveryBaseline() {
        return baselines.values().stream().allMatch(validation::beats);
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;

/**
 * The ranking model as the recommender serves it: its weights as plain arrays ({@link RankingWeights}), the
 * vocabularies and playlist counts it was trained with, and its feature transform. Scoring with it needs no
 * native engine, so a container that only recommends never loads PyTorch.
 */
public final class PlainRankingModel {

    private final String version;
    private final PlaylistStatistics statistics;
    private final FeatureTransform transform;
    private final RankingWeights weights;

    PlainRankingModel(String version, PlaylistStatistics statistics, FeatureTransform transform, RankingWeights weights) {
        this.version = version;
        this.statistics = statistics;
        this.transform = transform;
        this.weights = weights;
    }

    public String version() {
        return version;
    }

    public FeatureTransform transform() {
        return transform;
    }

    PlaylistStatistics statistics() {
        return statistics;
    }

    RankingWeights weights() {
        return weights;
    }
}

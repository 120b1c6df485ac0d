package com.runtothebeats.model;

/**
 * Hyper-parameters of one training run. The defaults were chosen on several by-playlist splits of the
 * training data (see README "Sequence model"), not on one: a small network with dropout and weight decay,
 * because ~300 playlists is little data and the held-out playlists are new ones.
 */
public record TrainingOptions(
        int hiddenSize,
        float dropout,
        float learningRate,
        float weightDecay,
        int batchSize,
        int maxEpochs,
        int patience,
        double validationShare,
        long seed) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(8, 0.2f, 0.01f, 0.05f, 16, 80, 8, 0.2, 20260124L);
    }

    public TrainingOptions withMaxEpochs(int epochs) {
        return new TrainingOptions(hiddenSize, dropout, learningRate, weightDecay, batchSize, epochs, patience, validationShare, seed);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(hiddenSize, dropout, learningRate, weightDecay, batchSize, maxEpochs, patience, validationShare, newSeed);
    }
}

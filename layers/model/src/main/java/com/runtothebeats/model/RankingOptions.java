package com.runtothebeats.model;

/**
 * Hyper-parameters of the ranking model (see docs/sequence-model.md for how they were chosen).
 *
 * @param dimension         size of the track and playlist vectors
 * @param hidden            hidden units of the content and context MLPs
 * @param playlistsPerBatch playlists of one genre per mini-batch: their tracks are each other's hard negatives
 * @param uniformNegatives  tracks drawn uniformly from the fold's catalog and added to every batch's pool
 * @param folds             training playlists are split into this many folds by id; a fold's examples read
 *                          statistics counted on the other folds only, as an unseen playlist reads them
 */
public record RankingOptions(int dimension, int hidden, float learningRate, float weightDecay, int playlistsPerBatch,
                             int uniformNegatives, int maxEpochs, int patience, int folds, long seed) {

    public static RankingOptions defaults() {
        return new RankingOptions(16, 32, 0.01f, 1e-4f, 4, 128, 5, 2, 4, 20261205L);
    }

    public RankingOptions withMaxEpochs(int epochs) {
        return new RankingOptions(dimension, hidden, learningRate, weightDecay, playlistsPerBatch, uniformNegatives,
                epochs, patience, folds, seed);
    }
}

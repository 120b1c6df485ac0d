package com.runtothebeats.model;

/**
 * The sizes a {@link RankingNetwork} is built with, kept in the manifest so a stored model is rebuilt the same.
 *
 * @param tracks    track vocabulary size (with the unknown entry); likewise artists, albums, genres, subgenres
 * @param dimension size of the track and playlist vectors
 * @param hidden    hidden units of the content and context MLPs
 * @param content   content inputs per track
 * @param pair      pair features per (playlist, candidate)
 */
public record RankingShape(int tracks, int artists, int albums, int genres, int subgenres, int dimension, int hidden,
                           int content, int pair) {

    RankingNetwork build() {
        if (content != TrackProfile.CONTENT || pair != PlaylistHistory.SIZE) {
            throw new IllegalStateException("the stored ranking model has " + content + " content inputs and " + pair
                    + " pair features; this build computes " + TrackProfile.CONTENT + " and " + PlaylistHistory.SIZE);
        }
        return new RankingNetwork(this);
    }
}

package com.runtothebeats.core.catalog;

/**
 * What a track sounds like, in the units Spotify's (now closed) audio-features endpoint used and the
 * public dataset keeps: 0..1 for the descriptive features, dB for loudness, BPM for tempo,
 * pitch class 0..11 (C = 0) for key, 1 = major / 0 = minor for mode.
 */
public record AudioFeatures(
        double acousticness,
        double danceability,
        double energy,
        double instrumentalness,
        double liveness,
        double loudness,
        double speechiness,
        double valence,
        int key,
        int mode,
        double tempo,
        long durationMs) {

    /**
     * Tempo and key only, as song databases without audio analysis give them (GetSongBPM): the flow features
     * are NaN, meaning unknown, which the recommender treats as the catalog's average rather than as zero.
     */
    public static AudioFeatures tempoAndKey(double tempo, int key, int mode, long durationMs) {
        double unknown = Double.NaN;
        return new AudioFeatures(unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown, key, mode,
                tempo, durationMs);
    }

    /** False when any flow feature is unknown (NaN). */
    public boolean hasFlowFeatures() {
        for (FlowFeature feature : FlowFeature.values()) {
            if (Double.isNaN(value(feature))) {
                return false;
            }
        }
        return true;
    }

    /** The value of one of the eight flow features. */
    public double value(FlowFeature feature) {
        return switch (feature) {
            case ACOUSTICNESS -> acousticness;
            case DANCEABILITY -> danceability;
            case ENERGY -> energy;
            case INSTRUMENTALNESS -> instrumentalness;
            case LIVENESS -> liveness;
            case LOUDNESS -> loudness;
            case SPEECHINESS -> speechiness;
            case VALENCE -> valence;
        };
    }

    /** The eight flow features in {@link FlowFeature} order. */
    public double[] flowValues() {
        // spelled out: the enum walk (values() cloned, a switch per feature) was a cost of indexing a million tracks
        return new double[] {acousticness, danceability, energy, instrumentalness, liveness, loudness, speechiness, valence};
    }

    public boolean isMajor() {
        return mode == 1;
    }
}

package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * How much does a playlist's order say about its next track? Prints, for every playlist of a dataset file
 * and every position i &ge; 1, the MAE (standardised space, fitted on the file) of predicting track i by
 * the median of different sets of the playlist's tracks, and how strongly a track's deviation from its
 * playlist's mean carries over to the tracks after it.
 * <p>
 * The hindsight sets (after i, around i, all but i) are not predictors: they see the future. They bound
 * what the playlist's own tracks can tell: if tracks near i were more alike than tracks far from it, the
 * window around i would beat the median of all other tracks.
 * <p>
 * {@code java -cp <layers/core test classpath> com.runtothebeats.core.flow.PlaylistOrderExperiment $BEATS_DATA_DIR/spotify/spotify_songs_train.csv}
 */
public final class PlaylistOrderExperiment {

    private interface TrackSet {
        /** The indexes of the playlist's tracks whose median predicts track i, or an empty range. */
        int[] indexes(int i, int length);
    }

    public static void main(String[] args) throws Exception {
        DatasetPlaylists data;
        try (InputStream in = new FileInputStream(args[0])) {
            data = DatasetPlaylists.read(in);
        }
        FeatureTransform transform = FeatureTransform.fit("experiment", data.allFeatures());
        List<double[][]> playlists = data.playlists().stream().map(p -> standardised(p, transform)).toList();
        System.out.printf(Locale.ROOT, "%d playlists; MAE of predicting track i by the median of ...%n", playlists.size());
        report(playlists, "tracks before i (running median)", (i, n) -> range(0, i, -1));
        for (int k : new int[] {3, 10, 20}) {
            report(playlists, "the " + k + " tracks before i", (i, n) -> range(Math.max(0, i - k), i, -1));
        }
        System.out.println("hindsight, not predictors:");
        report(playlists, "tracks after i", (i, n) -> range(i + 1, n, -1));
        for (int k : new int[] {3, 10, 20}) {
            report(playlists, "tracks within " + k + " of i", (i, n) -> range(Math.max(0, i - k), Math.min(n, i + k + 1), i));
        }
        report(playlists, "all tracks but i", (i, n) -> range(0, n, i));
        System.out.println("correlation of a track's deviation from its playlist mean with the deviation k tracks later "
                + "(playlists over 30 tracks), per feature " + FlowFeature.columnNames());
        for (int lag : new int[] {1, 2, 3, 5, 10, 20}) {
            System.out.printf(Locale.ROOT, "  lag %2d:", lag);
            for (int j = 0; j < FlowFeature.COUNT; j++) {
                System.out.printf(Locale.ROOT, " %6.3f", lagCorrelation(playlists, lag, j));
            }
            System.out.println();
        }
    }

    private static double[][] standardised(PlaylistSequence playlist, FeatureTransform transform) {
        return playlist.tracks().stream().map(t -> transform.standardise(t.features())).toArray(double[][]::new);
    }

    private static int[] range(int from, int to, int except) {
        return java.util.stream.IntStream.range(from, to).filter(k -> k != except).toArray();
    }

    /** Positions where the set is empty (the last track has none after it) are left out and counted. */
    private static void report(List<double[][]> playlists, String name, TrackSet set) {
        double error = 0;
        long count = 0;
        long skipped = 0;
        for (double[][] tracks : playlists) {
            for (int i = 1; i < tracks.length; i++) {
                int[] indexes = set.indexes(i, tracks.length);
                if (indexes.length == 0) {
                    skipped++;
                    continue;
                }
                RunningFlowStatistics statistics = new RunningFlowStatistics(FlowFeature.COUNT, indexes.length);
                for (int k : indexes) {
                    statistics.add(tracks[k]);
                }
                double[] median = statistics.median();
                for (int j = 0; j < FlowFeature.COUNT; j++) {
                    error += Math.abs(median[j] - tracks[i][j]);
                }
                count++;
            }
        }
        System.out.printf(Locale.ROOT, "  %-34s %.4f  (%d positions%s)%n", name, error / (count * FlowFeature.COUNT), count,
                skipped == 0 ? "" : ", " + skipped + " with an empty set left out");
    }

    private static double lagCorrelation(List<double[][]> playlists, int lag, int feature) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[][] tracks : playlists) {
            if (tracks.length <= 30) {
                continue;
            }
            double mean = 0;
            for (double[] t : tracks) {
                mean += t[feature] / tracks.length;
            }
            for (int i = 0; i + lag < tracks.length; i++) {
                double x = tracks[i][feature] - mean;
                double y = tracks[i + lag][feature] - mean;
                sxy += x * y;
                sxx += x * x;
                syy += y * y;
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}

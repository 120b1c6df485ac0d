package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A catalog of any size drawn from the real one's feature distributions: each synthetic track takes the
 * joint features of a randomly chosen real track (so tempo, key and the flow features keep their real
 * correlations), jittered by a twentieth of each feature's spread, with the duration of another random
 * real track and one of {@code size / 4} synthetic artists.
 */
final class SyntheticCatalog {

    private SyntheticCatalog() {
    }

    static List<Track> draw(List<Track> real, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] spread = spreads(real);
        String[] artists = new String[Math.max(1, size / 4)];
        for (int i = 0; i < artists.length; i++) {
            artists[i] = "Synthetic Artist " + i;
        }
        List<Track> tracks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Track base = real.get(random.nextInt(real.size()));
            AudioFeatures f = base.features();
            long duration = real.get(random.nextInt(real.size())).durationMs();
            AudioFeatures features = new AudioFeatures(
                    unit(f.acousticness(), spread[0], random), unit(f.danceability(), spread[1], random),
                    unit(f.energy(), spread[2], random), unit(f.instrumentalness(), spread[3], random),
                    unit(f.liveness(), spread[4], random),
                    Math.min(1.3, f.loudness() + gaussian(random) * spread[5] / 20),
                    unit(f.speechiness(), spread[6], random), unit(f.valence(), spread[7], random),
                    f.key(), f.mode(), Math.max(30, Math.min(250, f.tempo() + gaussian(random) * spread[8] / 20)), duration);
            // Names are shared with the real track (no new strings): ids and artists are what must differ.
            tracks.add(new Track(String.format("syn%07d", i), base.name(), artists[random.nextInt(artists.length)],
                    base.album(), base.popularity(), features));
        }
        return tracks;
    }

    private static double unit(double value, double spread, SplittableRandom random) {
        return Math.max(0, Math.min(1, value + gaussian(random) * spread / 20));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Standard deviation of the eight flow features and tempo over the real tracks. */
    private static double[] spreads(List<Track> real) {
        double[] sum = new double[9];
        double[] squares = new double[9];
        for (Track t : real) {
            double[] v = values(t.features());
            for (int j = 0; j < 9; j++) {
                sum[j] += v[j];
                squares[j] += v[j] * v[j];
            }
        }
        double[] spread = new double[9];
        for (int j = 0; j < 9; j++) {
            double mean = sum[j] / real.size();
            spread[j] = Math.sqrt(Math.max(0, squares[j] / real.size() - mean * mean));
        }
        return spread;
    }

    private static double[] values(AudioFeatures f) {
        return new double[] {f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.liveness(),
                f.loudness(), f.speechiness(), f.valence(), f.tempo()};
    }
}

package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.music.CamelotKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * The done-means properties, checked from the tracks' own data (tempo, key, mode, duration, artist) and
 * a plan function written here, not from what the builder reports about itself.
 */
final class PlaylistRules {

    private PlaylistRules() {
    }

    /**
     * @param planAtMs target BPM at a time of the run, the test's own copy of the plan
     */
    static void assertMeetsAll(Playlist playlist, double minutes, DoubleUnaryOperator planAtMs, boolean fold,
                               double tolerance, boolean strictHarmony) {
        List<PlacedTrack> tracks = playlist.tracks();
        assertTrue(!tracks.isEmpty(), "a playlist has tracks");
        Set<String> ids = new HashSet<>();
        long elapsed = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i).track();
            double target = planAtMs.applyAsDouble(elapsed + t.durationMs() / 2.0);
            double heard = nearest(t.tempo(), target, fold);
            if (Math.abs(heard - target) > tolerance) {
                fail("track " + i + " " + t.id() + " at " + t.tempo() + " BPM (heard " + heard + ") is not within ±"
                        + tolerance + " of its slot target " + target);
            }
            assertEquals(target, tracks.get(i).targetTempo(), 1e-9, "reported target of track " + i);
            assertEquals(elapsed, tracks.get(i).startMs(), "start of track " + i);
            assertTrue(ids.add(t.id()), "track " + t.id() + " repeats");
            if (i > 0 && strictHarmony) {
                CamelotKey a = CamelotKey.of(tracks.get(i - 1).track().features().key(), tracks.get(i - 1).track().features().mode());
                CamelotKey b = CamelotKey.of(t.features().key(), t.features().mode());
                assertTrue(a.isCompatibleWith(b), "transition " + (i - 1) + "->" + i + " " + a + "->" + b + " is not harmonic");
            }
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String other = tracks.get(i - back).track().artist();
                assertTrue(!other.trim().equalsIgnoreCase(t.artist().trim()),
                        "artist '" + t.artist() + "' at " + i + " and " + (i - back));
            }
            elapsed += t.durationMs();
        }
        long requested = Math.round(minutes * 60_000);
        long last = tracks.get(tracks.size() - 1).track().durationMs();
        assertTrue(Math.abs(elapsed - requested) <= last, "total " + elapsed + " ms is not within one track (" + last
                + " ms) of " + requested + " ms");
        assertTrue(elapsed >= requested, "the music lasts the whole run");
    }

    private static double nearest(double tempo, double target, boolean fold) {
        if (!fold) {
            return tempo;
        }
        double best = tempo;
        for (double f : new double[] {0.5, 2.0}) {
            if (Math.abs(tempo * f - target) < Math.abs(best - target)) {
                best = tempo * f;
            }
        }
        return best;
    }

    static DoubleUnaryOperator steady(double bpm) {
        return ms -> bpm;
    }

    static DoubleUnaryOperator ramp(double from, double to, double minutes) {
        return ms -> from + (to - from) * Math.min(1, ms / (minutes * 60_000));
    }

    /** Blocks as {minutes, bpm} pairs, repeated. */
    static DoubleUnaryOperator intervals(double[][] blocks) {
        double cycle = 0;
        for (double[] b : blocks) {
            cycle += b[0] * 60_000;
        }
        double length = cycle;
        return ms -> {
            double into = ms % length;
            for (double[] b : blocks) {
                if (into < b[0] * 60_000) {
                    return b[1];
                }
                into -= b[0] * 60_000;
            }
            return blocks[blocks.length - 1][1];
        };
    }
}

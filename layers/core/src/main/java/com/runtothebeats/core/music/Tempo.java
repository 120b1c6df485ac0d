package com.runtothebeats.core.music;

/**
 * Half- and double-time folding. A runner hears an 85 BPM track as 170 BPM when every beat falls on
 * alternate steps, so a track's <em>effective</em> tempo for a target is its own tempo ×½, ×1 or ×2,
 * whichever lands nearest the target. With folding off the effective tempo is the track's own.
 */
public final class Tempo {

    /** The factors a track may be heard at when folding is on, ×1 first so that ties keep the track's own tempo. */
    private static final double[] FACTORS = {1.0, 2.0, 0.5};

    /** Bits of a track's allowed factors ({@code catalog.OctaveCheck}): heard as is, at double time, at half time. */
    public static final int AS_IS = 1;
    public static final int DOUBLE = 2;
    public static final int HALF = 4;
    public static final int ALL = AS_IS | DOUBLE | HALF;

    private Tempo() {
    }

    /** The allowed factor that puts {@code trackBpm} nearest {@code targetBpm}, ×1 on ties. */
    public static double foldFactor(double trackBpm, double targetBpm, int allowed) {
        double best = 1.0;
        double bestDistance = Math.abs(trackBpm - targetBpm);
        if ((allowed & DOUBLE) != 0 && Math.abs(trackBpm * 2 - targetBpm) < bestDistance) {
            best = 2.0;
            bestDistance = Math.abs(trackBpm * 2 - targetBpm);
        }
        if ((allowed & HALF) != 0 && Math.abs(trackBpm * 0.5 - targetBpm) < bestDistance) {
            best = 0.5;
        }
        return best;
    }

    /** The tempo the runner hears the track at, among its allowed factors. */
    public static double effective(double trackBpm, double targetBpm, int allowed) {
        return trackBpm * foldFactor(trackBpm, targetBpm, allowed);
    }

    /** The factor (1, 2 or ½) that puts {@code trackBpm} nearest {@code targetBpm}; 1 when folding is off. */
    public static double foldFactor(double trackBpm, double targetBpm, boolean fold) {
        if (!fold) {
            return 1.0;
        }
        double best = 1.0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double factor : FACTORS) {
            double distance = Math.abs(trackBpm * factor - targetBpm);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = factor;
            }
        }
        return best;
    }

    /** The tempo the runner hears the track at, given the target it should match. */
    public static double effective(double trackBpm, double targetBpm, boolean fold) {
        return trackBpm * foldFactor(trackBpm, targetBpm, fold);
    }

    /** The factors worth searching for a target: ×1, and ×2 and ×½ when folding. */
    public static double[] factors(boolean fold) {
        return fold ? FACTORS.clone() : new double[] {1.0};
    }
}

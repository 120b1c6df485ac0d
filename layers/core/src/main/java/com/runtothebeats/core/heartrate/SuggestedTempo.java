package com.runtothebeats.core.heartrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The music tempo (beats per minute, one beat per step) that suits a runner at a given heart rate.
 *
 * <p>Effort is the heart-rate reserve fraction (Karvonen): {@code (hr - resting) / (max - resting)}. From
 * 50% reserve (an easy run) to 100% (all out) the suggested cadence climbs linearly from 150 to 185 steps
 * per minute, the range runners' cadence spans from easy running to racing; below 50% (walking, warming
 * up) it climbs from 120 (a brisk walk) to 150.
 */
public final class SuggestedTempo {

    static final double EASY_RUN_RESERVE = 0.5;
    static final int WALK_TEMPO = 120;
    static final int EASY_RUN_TEMPO = 150;
    static final int ALL_OUT_TEMPO = 185;

    private SuggestedTempo() {
    }

    public static int forHeartRate(int heartRate, int resting, int max) {
        double reserve = Math.max(1, max - resting);
        double effort = Math.min(1.0, Math.max(0.0, (heartRate - resting) / reserve));
        double tempo = effort < EASY_RUN_RESERVE
                ? WALK_TEMPO + (EASY_RUN_TEMPO - WALK_TEMPO) * effort / EASY_RUN_RESERVE
                : EASY_RUN_TEMPO + (ALL_OUT_TEMPO - EASY_RUN_TEMPO) * (effort - EASY_RUN_RESERVE) / (1 - EASY_RUN_RESERVE);
        return (int) Math.round(tempo);
    }

    /** Heart-rate zone 1–5 by reserve fraction (50–60%, 60–70%, 70–80%, 80–90%, 90–100%); 0 below zone 1. */
    public static int zone(int heartRate, int resting, int max) {
        // Whole tenths of the reserve in integers, so that exactly 70% is zone 3 and not 69.999…%.
        int tenths = Math.floorDiv(10 * (heartRate - resting), Math.max(1, max - resting));
        return tenths < 5 ? 0 : Math.min(5, tenths - 4);
    }

    /** The five zones of {@link #zone} as heart-rate bounds for this runner, each with the tempo at its lower edge. */
    public static List<HeartRateZone> zones(int resting, int max) {
        int reserve = max - resting;
        List<HeartRateZone> zones = new ArrayList<>();
        for (int zone = 1; zone <= 5; zone++) {
            int from = (int) Math.round(resting + reserve * (zone + 4) / 10.0);
            int to = (int) Math.round(resting + reserve * (zone + 5) / 10.0);
            zones.add(new HeartRateZone(zone, from, to, forHeartRate(from, resting, max)));
        }
        return zones;
    }
}

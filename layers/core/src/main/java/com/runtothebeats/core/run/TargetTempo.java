package com.runtothebeats.core.run;

import com.runtothebeats.core.validation.InvalidInputException;

/**
 * The tempo a runner's music should sit at, and where it came from.
 *
 * <ul>
 *   <li>{@code tempo}: a BPM the runner chose, 40–240.</li>
 *   <li>{@code heartRate}: the original rule, target BPM = current heart rate, clamped to
 *       {@value #HEART_RATE_TARGET_MIN}–{@value #HEART_RATE_TARGET_MAX} BPM so that a resting or a
 *       maximal reading still yields music one can run to. Heart rates outside 30–230 are rejected.</li>
 *   <li>{@code cadence}: one beat per step, so steps per minute is the BPM (Spotify Running's rule).</li>
 *   <li>{@code current}: the signed-in runner's suggested target tempo, worked out from their heart rate.</li>
 * </ul>
 *
 * @param source    tempo, heartRate, cadence, current or plan
 * @param bpm       the resolved target in BPM
 * @param requested the number the caller gave (heart rate, cadence or tempo)
 * @param clamped   whether {@code bpm} was pulled into the sane range
 */
public record TargetTempo(String source, double bpm, double requested, boolean clamped) {

    public static final double MIN_BPM = 40;
    public static final double MAX_BPM = 240;
    public static final double HEART_RATE_MIN = 30;
    public static final double HEART_RATE_MAX = 230;
    public static final double HEART_RATE_TARGET_MIN = 100;
    public static final double HEART_RATE_TARGET_MAX = 200;
    public static final double CADENCE_MIN = 60;
    public static final double CADENCE_MAX = 240;

    /** An explicit tempo; {@code field} names it in the error (e.g. {@code target.bpm}, {@code --tempo}). */
    public static TargetTempo explicit(double bpm, String field) {
        requireTempo(bpm, field);
        return new TargetTempo("tempo", bpm, bpm, false);
    }

    public static TargetTempo fromHeartRate(double heartRate, String field) {
        requireWithin(heartRate, HEART_RATE_MIN, HEART_RATE_MAX, field, "a heart rate", "beats per minute");
        double bpm = Math.max(HEART_RATE_TARGET_MIN, Math.min(HEART_RATE_TARGET_MAX, heartRate));
        return new TargetTempo("heartRate", bpm, heartRate, bpm != heartRate);
    }

    public static TargetTempo fromCadence(double stepsPerMinute, String field) {
        requireWithin(stepsPerMinute, CADENCE_MIN, CADENCE_MAX, field, "a cadence", "steps per minute");
        double bpm = Math.max(MIN_BPM, Math.min(MAX_BPM, stepsPerMinute));
        return new TargetTempo("cadence", bpm, stepsPerMinute, bpm != stepsPerMinute);
    }

    /** The runner's suggested target tempo (their state, derived from heart rate by the heart-rate service). */
    public static TargetTempo current(double suggestedBpm) {
        double bpm = Math.max(MIN_BPM, Math.min(MAX_BPM, suggestedBpm));
        return new TargetTempo("current", bpm, suggestedBpm, bpm != suggestedBpm);
    }

    /** When no target is given and the plan names every tempo: reported as the plan's starting tempo. */
    public static TargetTempo fromPlan(double startBpm) {
        return new TargetTempo("plan", startBpm, startBpm, false);
    }

    /** Rejects a tempo outside 40–240 BPM, naming the field. */
    public static void requireTempo(double bpm, String field) {
        requireWithin(bpm, MIN_BPM, MAX_BPM, field, "a tempo", "BPM");
    }

    private static void requireWithin(double value, double min, double max, String field, String what, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidInputException(field, field + " must be " + what + " from " + fmt(min) + " to "
                    + fmt(max) + " " + unit + ", was " + (Double.isFinite(value) ? fmt(value) : "not a number"));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

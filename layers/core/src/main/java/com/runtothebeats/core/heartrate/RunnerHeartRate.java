package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A runner's heart-rate state: the latest reading, resting and maximum estimates, and the tempo that suits
 * the latest reading.
 *
 * <p>The estimates start from population defaults (resting 60, max 190) and only ever widen as readings go
 * beyond them: a reading during a run says nothing about the resting rate unless it is lower than what we
 * assume, and a sprint at 196 proves the maximum is at least 196.
 *
 * @param current  the latest reading, null before the first
 * @param source   where the latest reading came from: {@code google-health}, {@code manual}
 */
public record RunnerHeartRate(Integer current, Instant at, int resting, int max, Integer suggestedTargetTempo,
                              String source) {

    public static final int DEFAULT_RESTING = 60;
    public static final int DEFAULT_MAX = 190;
    public static final String SOURCE_GOOGLE_HEALTH = "google-health";
    public static final String SOURCE_MANUAL = "manual";

    public static RunnerHeartRate unknown() {
        return new RunnerHeartRate(null, null, DEFAULT_RESTING, DEFAULT_MAX, null, null);
    }

    /**
     * The state after {@code samples} arrived. Samples older than the latest reading (a late notification
     * for an earlier interval) still refine the estimates but do not replace the current reading.
     */
    public RunnerHeartRate observe(Collection<HeartRateSample> samples, String sampleSource) {
        int newResting = resting;
        int newMax = max;
        for (HeartRateSample sample : samples) {
            if (sample.plausible()) {
                newResting = Math.min(newResting, sample.bpm());
                newMax = Math.max(newMax, sample.bpm());
            }
        }
        Optional<HeartRateSample> latest = samples.stream().filter(HeartRateSample::plausible)
                .max(Comparator.comparing(HeartRateSample::timestamp));
        Integer newCurrent = current;
        Instant newAt = at;
        String newSource = source;
        if (latest.isPresent() && (at == null || !latest.get().timestamp().isBefore(at))) {
            newCurrent = latest.get().bpm();
            newAt = latest.get().timestamp();
            newSource = sampleSource;
        }
        Integer tempo = newCurrent == null ? null : SuggestedTempo.forHeartRate(newCurrent, newResting, newMax);
        return new RunnerHeartRate(newCurrent, newAt, newResting, newMax, tempo, newSource);
    }
}

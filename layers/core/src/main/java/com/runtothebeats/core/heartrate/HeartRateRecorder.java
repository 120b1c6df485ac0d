package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Records new readings: stores the samples and folds them into the runner's state with optimistic
 * concurrency, so that concurrent writers (overlapping syncs, a typed heart rate) never lose each other's
 * contribution.
 *
 * <p>The rules, all from {@link RunnerHeartRate#observe}, applied to the state as stored at the moment of the
 * write: the resting and maximum estimates only widen (min/max commute, so every writer's readings count
 * whatever order the writes land in); the current reading, its time, tempo and source only move forward in
 * time, so a slow sync of an older window that finishes last refines the estimates but leaves the newer
 * reading in place; the source is that of the newest reading, typed ({@code manual}) or from a device.
 *
 * <p>The write is conditional on the version read. When another writer came first, the state is read again,
 * the readings observed on it again and the write retried, at most {@link #MAX_ATTEMPTS} times, without a
 * pause: each failed condition means another write succeeded, so the writers as a whole make progress. Then
 * {@link HeartRateStateContendedException}.
 *
 * <p>A clear (disconnect) after {@code readBefore} wins: the readings are not folded into the state and the
 * samples just stored are deleted again, so an in-flight sync does not bring back what the runner asked us
 * to forget.
 */
public final class HeartRateRecorder {

    public static final int MAX_ATTEMPTS = 8;

    private final HeartRateSamples samples;
    private final RunnerHeartRates states;

    public HeartRateRecorder(HeartRateSamples samples, RunnerHeartRates states) {
        this.samples = samples;
        this.states = states;
    }

    /**
     * @param readBefore the state as read before the readings were gathered (before fetching them from the
     *                   provider): a clear after it discards them
     * @param readings   plausible readings
     * @return the state after the readings; empty when the state was cleared after {@code readBefore}
     */
    public Optional<RunnerHeartRate> record(String runnerId, StoredHeartRate readBefore, List<HeartRateSample> readings,
                                            String source) {
        if (readings.isEmpty()) {
            return Optional.of(readBefore.found().orElse(RunnerHeartRate.unknown()));
        }
        samples.save(runnerId, readings);
        StoredHeartRate stored = readBefore;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (stored.clearedSince(readBefore)) {
                forgetSamples(runnerId, readings);
                return Optional.empty();
            }
            RunnerHeartRate updated = stored.found().orElse(RunnerHeartRate.unknown()).observe(readings, source);
            if (updated.equals(stored.state())) {
                return Optional.of(updated); // already in (a redelivered notification): no write to contend over
            }
            if (states.replaceIfVersion(runnerId, updated, stored.version())) {
                return Optional.of(updated);
            }
            stored = states.read(runnerId);
        }
        throw new HeartRateStateContendedException(runnerId, MAX_ATTEMPTS);
    }

    /**
     * The clear deleted the samples before or after ours landed; whichever, ours go too. Samples of the same
     * instants stored after the clear go with them, an acceptable loss next to keeping forgotten data.
     */
    private void forgetSamples(String runnerId, List<HeartRateSample> readings) {
        Instant first = readings.stream().map(HeartRateSample::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = readings.stream().map(HeartRateSample::timestamp).max(Comparator.naturalOrder()).orElseThrow();
        samples.deleteBetween(runnerId, first, last.plusMillis(1));
    }
}

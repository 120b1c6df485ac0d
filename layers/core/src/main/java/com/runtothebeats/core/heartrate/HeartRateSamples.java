package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where a runner's heart-rate samples live (the heart-rate table; kept about 30 days). */
public interface HeartRateSamples {

    /** Stores the samples; a sample at an instant already stored replaces it, so re-fetching is harmless. */
    void save(String runnerId, Collection<HeartRateSample> samples);

    /** Samples with {@code from <= timestamp < to}, oldest first. */
    List<HeartRateSample> between(String runnerId, Instant from, Instant to);

    /**
     * The newest {@code limit} samples with {@code from <= timestamp < before}: what a page shows reads a bounded
     * number of items however long the window is.
     */
    HeartRatePage latest(String runnerId, Instant from, Instant before, int limit);

    /** @return how many were deleted */
    int deleteBetween(String runnerId, Instant from, Instant to);

    int deleteAll(String runnerId);
}

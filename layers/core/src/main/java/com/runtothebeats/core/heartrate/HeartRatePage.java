package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The newest samples of a window, at most a page's worth, oldest first.
 *
 * @param older the instant to read the next (older) page before; empty when this page reaches the window's start
 */
public record HeartRatePage(List<HeartRateSample> samples, Optional<Instant> older) {

    public HeartRatePage {
        samples = List.copyOf(samples);
    }
}

package com.runtothebeats.core.heartrate;

import com.runtothebeats.core.validation.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/** One heart-rate reading, in beats per minute, at an instant. */
public record HeartRateSample(Instant timestamp, int bpm) {

    /** What a human heart can plausibly do; a manual entry outside it is a typo. */
    public static final int MIN_BPM = 30;
    public static final int MAX_BPM = 230;

    public HeartRateSample {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** A value the runner typed: rejected with a message naming {@code field} when outside 30–230. */
    public static HeartRateSample entered(Instant at, Integer bpm, String field) {
        if (bpm == null) {
            throw new InvalidInputException(field, field + " is required: your heart rate in beats per minute");
        }
        if (bpm < MIN_BPM || bpm > MAX_BPM) {
            throw new InvalidInputException(field, field + " must be between " + MIN_BPM + " and " + MAX_BPM
                    + " beats per minute, was " + bpm);
        }
        return new HeartRateSample(at, bpm);
    }

    /** Device readings outside the plausible range are sensor noise, not data. */
    public boolean plausible() {
        return bpm >= MIN_BPM && bpm <= MAX_BPM;
    }
}

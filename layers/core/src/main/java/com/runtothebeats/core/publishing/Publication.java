package com.runtothebeats.core.publishing;

import java.util.Objects;

/**
 * The progress of one publish, keyed by the client's idempotency key: created → playlist id recorded →
 * {@code itemsAdded} after every add call → completed. A retry reads it and continues from there.
 */
public record Publication(String idempotencyKey, String runnerId, String fingerprint, int trackCount,
                          String playlistId, String playlistUrl, int itemsAdded, boolean completed) {

    public Publication {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static Publication begin(String idempotencyKey, String runnerId, String fingerprint, int trackCount) {
        return new Publication(idempotencyKey, runnerId, fingerprint, trackCount, null, null, 0, false);
    }

    public boolean playlistCreated() {
        return playlistId != null;
    }
}

package com.runtothebeats.core.publishing;

import java.time.Instant;
import java.util.Objects;

/**
 * The progress of one publish, keyed by the client's idempotency key: created → create attempted → playlist
 * id recorded → {@code itemsAdded} after every add call → completed. A retry reads it and continues from there.
 *
 * @param createAttemptedAt when a worker last asked the destination to create the playlist (null: never). Set
 *                          with no {@code playlistId}, it means a create may have landed without its id being
 *                          recorded, so a retry looks for the playlist by its {@link PlaylistMarker} first.
 */
public record Publication(String idempotencyKey, String runnerId, String fingerprint, int trackCount,
                          Instant createAttemptedAt, String playlistId, String playlistUrl, int itemsAdded,
                          boolean completed) {

    public Publication {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static Publication begin(String idempotencyKey, String runnerId, String fingerprint, int trackCount) {
        return new Publication(idempotencyKey, runnerId, fingerprint, trackCount, null, null, null, 0, false);
    }

    public boolean playlistCreated() {
        return playlistId != null;
    }

    /** A create was sent and its playlist id never recorded: the playlist may exist at the destination. */
    public boolean createMayHaveLanded() {
        return createAttemptedAt != null && playlistId == null;
    }
}

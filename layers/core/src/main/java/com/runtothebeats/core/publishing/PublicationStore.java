package com.runtothebeats.core.publishing;

import java.time.Instant;
import java.util.Optional;

/**
 * Where publish progress is kept (the publications table in AWS). Progress writes are conditional on
 * holding the publication's lease, so a worker whose lease lapsed cannot overwrite the progress of the one
 * that took over.
 */
public interface PublicationStore {

    /** Stores {@code fresh} unless a publication with its key exists; returns whichever is stored. */
    Publication beginOrFind(Publication fresh, Instant now);

    Optional<Publication> find(String idempotencyKey);

    /** True when {@code owner} now holds the lease until {@code until} (free, lapsed, or already theirs). */
    boolean claim(String idempotencyKey, String owner, Instant now, Instant until);

    void release(String idempotencyKey, String owner);

    /**
     * Notes, before the destination is asked to create the playlist, that it is about to be: if the worker
     * dies before {@link #recordPlaylist}, the next one knows to look for the playlist first.
     *
     * @throws PublishInProgressException when {@code owner} no longer holds the lease or a playlist id is recorded
     */
    void recordCreateAttempt(String idempotencyKey, String owner, Instant at);

    /** @throws PublishInProgressException when {@code owner} no longer holds the lease */
    void recordPlaylist(String idempotencyKey, String owner, String playlistId, String playlistUrl);

    /** @throws PublishInProgressException when {@code owner} no longer holds the lease */
    void recordItemsAdded(String idempotencyKey, String owner, int itemsAdded);

    /** Marks it complete and releases the lease. */
    void complete(String idempotencyKey, String owner, Instant now);
}

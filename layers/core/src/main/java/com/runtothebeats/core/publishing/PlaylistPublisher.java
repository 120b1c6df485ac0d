package com.runtothebeats.core.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes a draft exactly once per idempotency key, however often the request arrives or wherever it
 * was interrupted:
 * <ol>
 * <li>the publication record is created on first sight (a conditional put); a later request with the same
 * key but another body is refused, one whose publish finished gets the stored result;</li>
 * <li>the worker takes a lease on the record, so two simultaneous deliveries never both create a playlist;</li>
 * <li>the playlist is created once and its id recorded before any item is added. Before the create the
 * record notes {@code createAttemptedAt}, and the playlist carries a {@link PlaylistMarker} in its description:
 * a worker that died between the destination's create and recording the id leaves a record that says so, and
 * the next attempt looks for the marked playlist ({@link PlaylistDestination#findByMarker}) and adopts it
 * instead of creating a second one;</li>
 * <li>items are added in order, ≤ 100 per call at their final position, recording {@code itemsAdded} after
 * every call. A resumed publish first asks the destination how many items the playlist holds, so an add
 * that landed just before an interruption is not repeated.</li>
 * </ol>
 */
public final class PlaylistPublisher {

    /** Longer than the function may run, so a live worker never loses its lease. */
    public static final Duration LEASE = Duration.ofSeconds(120);

    private final PublicationStore publications;
    private final PlaylistDestination destination;
    private final Clock clock;

    public PlaylistPublisher(PublicationStore publications, PlaylistDestination destination, Clock clock) {
        this.publications = publications;
        this.destination = destination;
        this.clock = clock;
    }

    public PublishedPlaylist publish(String runnerId, String idempotencyKey, PlaylistDraft draft) {
        String fingerprint = draft.fingerprint(runnerId);
        Publication stored = publications.beginOrFind(
                Publication.begin(idempotencyKey, runnerId, fingerprint, draft.trackIds().size()), clock.instant());
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException("This Idempotency-Key was already used for a different playlist.");
        }
        if (stored.completed()) {
            return new PublishedPlaylist(stored.playlistId(), stored.playlistUrl(), stored.trackCount(), true);
        }
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!publications.claim(idempotencyKey, owner, now, now.plus(LEASE))) {
            throw new PublishInProgressException("A request with this Idempotency-Key is being published; try again shortly.");
        }
        try {
            return continuePublishing(idempotencyKey, owner, draft);
        } finally {
            publications.release(idempotencyKey, owner);
        }
    }

    private PublishedPlaylist continuePublishing(String idempotencyKey, String owner, PlaylistDraft draft) {
        // Re-read under the lease: the previous holder may have made progress since beginOrFind.
        Publication publication = publications.find(idempotencyKey).orElseThrow();
        if (publication.completed()) {
            return new PublishedPlaylist(publication.playlistId(), publication.playlistUrl(), publication.trackCount(), true);
        }
        String key = publication.idempotencyKey();
        String runnerId = publication.runnerId();
        List<String> uris = draft.trackUris();
        int added = publication.itemsAdded();
        String playlistId = publication.playlistId();
        String url = publication.playlistUrl();
        boolean resuming = playlistId != null;
        if (!resuming) {
            PlaylistMarker marker = PlaylistMarker.of(runnerId, key);
            // A create whose id was never recorded may have landed: adopt that playlist rather than make another.
            Optional<PlaylistDestination.CreatedPlaylist> earlier = publication.createMayHaveLanded()
                    ? destination.findByMarker(runnerId, marker) : Optional.empty();
            PlaylistDestination.CreatedPlaylist created;
            if (earlier.isPresent()) {
                created = earlier.get();
                resuming = true;
            } else {
                publications.recordCreateAttempt(key, owner, clock.instant());
                created = destination.create(runnerId, draft, marker);
            }
            playlistId = created.id();
            url = created.url();
            publications.recordPlaylist(key, owner, playlistId, url);
        }
        if (resuming && added < uris.size()) {
            // An add may have landed after the last recorded progress.
            int present = destination.itemCount(runnerId, playlistId);
            if (present > added && present <= uris.size()) {
                added = present;
                publications.recordItemsAdded(key, owner, added);
            }
        }
        while (added < uris.size()) {
            int end = Math.min(added + PlaylistDestination.MAX_ITEMS_PER_CALL, uris.size());
            destination.addItems(runnerId, playlistId, uris.subList(added, end), added);
            added = end;
            publications.recordItemsAdded(key, owner, added);
        }
        publications.complete(key, owner, clock.instant());
        return new PublishedPlaylist(playlistId, url, uris.size(), false);
    }
}

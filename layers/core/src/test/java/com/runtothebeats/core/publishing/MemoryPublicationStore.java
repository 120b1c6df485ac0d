package com.runtothebeats.core.publishing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The publications table in memory, with the same conditions as the DynamoDB adapter: the record is created
 * once, and every progress write needs the lease (which lapses at its {@code until}).
 */
final class MemoryPublicationStore implements PublicationStore {

    private record Stored(Publication publication, String leaseOwner, Instant leaseUntil) {
    }

    private final Map<String, Stored> records = new HashMap<>();

    @Override
    public synchronized Publication beginOrFind(Publication fresh, Instant now) {
        return records.computeIfAbsent(fresh.idempotencyKey(), k -> new Stored(fresh, null, null)).publication();
    }

    @Override
    public synchronized Optional<Publication> find(String idempotencyKey) {
        return Optional.ofNullable(records.get(idempotencyKey)).map(Stored::publication);
    }

    @Override
    public synchronized boolean claim(String idempotencyKey, String owner, Instant now, Instant until) {
        Stored stored = records.get(idempotencyKey);
        if (stored == null || (stored.leaseUntil() != null && !stored.leaseUntil().isBefore(now)
                && !owner.equals(stored.leaseOwner()))) {
            return false;
        }
        records.put(idempotencyKey, new Stored(stored.publication(), owner, until));
        return true;
    }

    @Override
    public synchronized void release(String idempotencyKey, String owner) {
        Stored stored = records.get(idempotencyKey);
        if (stored != null && owner.equals(stored.leaseOwner())) {
            records.put(idempotencyKey, new Stored(stored.publication(), null, null));
        }
    }

    @Override
    public synchronized void recordCreateAttempt(String idempotencyKey, String owner, Instant at) {
        Publication p = held(idempotencyKey, owner);
        if (p.playlistId() != null) {
            throw new PublishInProgressException("a playlist id is recorded already");
        }
        update(idempotencyKey, new Publication(p.idempotencyKey(), p.runnerId(), p.fingerprint(), p.trackCount(), at,
                null, null, p.itemsAdded(), false));
    }

    @Override
    public synchronized void recordPlaylist(String idempotencyKey, String owner, String playlistId, String playlistUrl) {
        Publication p = held(idempotencyKey, owner);
        if (p.playlistId() != null) {
            throw new PublishInProgressException("a playlist id is recorded already");
        }
        update(idempotencyKey, new Publication(p.idempotencyKey(), p.runnerId(), p.fingerprint(), p.trackCount(),
                p.createAttemptedAt(), playlistId, playlistUrl, p.itemsAdded(), false));
    }

    @Override
    public synchronized void recordItemsAdded(String idempotencyKey, String owner, int itemsAdded) {
        Publication p = held(idempotencyKey, owner);
        if (itemsAdded < p.itemsAdded()) {
            throw new PublishInProgressException("progress never rewinds");
        }
        update(idempotencyKey, new Publication(p.idempotencyKey(), p.runnerId(), p.fingerprint(), p.trackCount(),
                p.createAttemptedAt(), p.playlistId(), p.playlistUrl(), itemsAdded, false));
    }

    @Override
    public synchronized void complete(String idempotencyKey, String owner, Instant now) {
        Publication p = held(idempotencyKey, owner);
        records.put(idempotencyKey, new Stored(new Publication(p.idempotencyKey(), p.runnerId(), p.fingerprint(),
                p.trackCount(), p.createAttemptedAt(), p.playlistId(), p.playlistUrl(), p.itemsAdded(), true), null, null));
    }

    private Publication held(String idempotencyKey, String owner) {
        Stored stored = records.get(idempotencyKey);
        if (stored == null || !owner.equals(stored.leaseOwner())) {
            throw new PublishInProgressException("Another request took over this publish.");
        }
        return stored.publication();
    }

    private void update(String idempotencyKey, Publication publication) {
        Stored stored = records.get(idempotencyKey);
        records.put(idempotencyKey, new Stored(publication, stored.leaseOwner(), stored.leaseUntil()));
    }
}

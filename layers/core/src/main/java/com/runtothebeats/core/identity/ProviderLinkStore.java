package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where provider links live (DynamoDB's provider-links table in AWS). */
public interface ProviderLinkStore {

    Optional<ProviderLink> find(String runnerId, Provider provider);

    /** The link of the provider's user (e.g. a Google Health healthUserId named by a webhook). */
    Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId);

    /**
     * Every link stored under that external user id, connected ones first: normally one, but two kinds of key
     * may share a value (Spotify links keyed by {@code id} before {@code account_id}), and the caller tells them apart.
     */
    List<ProviderLink> findAllByExternalUser(Provider provider, String externalUserId);

    /** Creates or replaces the link (a fresh consent). */
    void save(ProviderLink link);

    /**
     * Stores {@code updated} only if the stored link still has {@code expectedVersion}; false when another
     * writer got there first (the caller re-reads and uses the newer token).
     */
    boolean replaceIfVersion(ProviderLink updated, long expectedVersion);

    /**
     * Claims the exclusive right to refresh the link's tokens until {@code until}, so that concurrent
     * callers holding the same expired token make one refresh call between them, not one each. True only
     * when the stored link still has {@code expectedVersion} and no unexpired claim is held (a claim whose
     * holder crashed lapses at its {@code until}). The winner's {@link #replaceIfVersion} releases it.
     */
    boolean claimRefresh(String runnerId, Provider provider, long expectedVersion, Instant now, Instant until);

    void delete(String runnerId, Provider provider);
}

package com.runtothebeats.core.identity;

import java.util.Optional;

/** Where provider links live (DynamoDB's provider-links table in AWS). */
public interface ProviderLinkStore {

    Optional<ProviderLink> find(String runnerId, Provider provider);

    /** The link of the provider's user (e.g. a Google Health healthUserId named by a webhook). */
    Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId);

    /** Creates or replaces the link (a fresh consent). */
    void save(ProviderLink link);

    /**
     * Stores {@code updated} only if the stored link still has {@code expectedVersion}; false when another
     * writer got there first (the caller re-reads and uses the newer token).
     */
    boolean replaceIfVersion(ProviderLink updated, long expectedVersion);

    void delete(String runnerId, Provider provider);
}

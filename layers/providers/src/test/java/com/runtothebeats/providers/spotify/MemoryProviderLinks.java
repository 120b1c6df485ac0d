package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provider links in memory, with the versioned replace and refresh claim of the DynamoDB store. */
final class MemoryProviderLinks implements ProviderLinkStore {

    private final Map<String, ProviderLink> links = new HashMap<>();
    private final Map<String, Instant> refreshClaims = new HashMap<>();

    private static String key(String runnerId, Provider provider) {
        return runnerId + "#" + provider;
    }

    @Override
    public synchronized Optional<ProviderLink> find(String runnerId, Provider provider) {
        return Optional.ofNullable(links.get(key(runnerId, provider)));
    }

    @Override
    public synchronized Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId) {
        return findAllByExternalUser(provider, externalUserId).stream().findFirst();
    }

    @Override
    public synchronized List<ProviderLink> findAllByExternalUser(Provider provider, String externalUserId) {
        return links.values().stream()
                .filter(l -> l.provider() == provider && externalUserId.equals(l.externalUserId()))
                .sorted(Comparator.comparing(l -> l.status() != LinkStatus.CONNECTED))
                .toList();
    }

    @Override
    public synchronized void save(ProviderLink link) {
        links.put(key(link.runnerId(), link.provider()), link);
    }

    @Override
    public synchronized boolean replaceIfVersion(ProviderLink updated, long expectedVersion) {
        String key = key(updated.runnerId(), updated.provider());
        ProviderLink stored = links.get(key);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        links.put(key, updated);
        refreshClaims.remove(key);
        return true;
    }

    @Override
    public synchronized boolean claimRefresh(String runnerId, Provider provider, long expectedVersion, Instant now, Instant until) {
        String key = key(runnerId, provider);
        ProviderLink stored = links.get(key);
        Instant claimed = refreshClaims.get(key);
        if (stored == null || stored.version() != expectedVersion || (claimed != null && claimed.isAfter(now))) {
            return false;
        }
        refreshClaims.put(key, until);
        return true;
    }

    @Override
    public synchronized void delete(String runnerId, Provider provider) {
        links.remove(key(runnerId, provider));
    }
}

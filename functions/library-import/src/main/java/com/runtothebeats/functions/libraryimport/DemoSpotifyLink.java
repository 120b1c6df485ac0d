package com.runtothebeats.functions.libraryimport;

import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.lambda.session.SessionCookies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The local demo's only Spotify link: the demo runner, who never signed in, reads the library the Spotify stand-in
 * serves with the token the stand-in issued for them. Nothing is stored, and the token is never refreshed: a
 * rejected one ends the import with "reconnect", as for a real runner.
 */
final class DemoSpotifyLink implements ProviderLinkStore {

    private final String accessToken;
    private final Clock clock;

    DemoSpotifyLink(String accessToken, Clock clock) {
        this.accessToken = accessToken;
        this.clock = clock;
    }

    private ProviderLink link() {
        Instant validUntil = clock.instant().plus(Duration.ofHours(1));
        return new ProviderLink(SessionCookies.DEMO_RUNNER_ID, Provider.SPOTIFY, "demo", accessToken, validUntil, null,
                "user-library-read playlist-read-private playlist-read-collaborative", LinkStatus.CONNECTED, 1, "demo-runner");
    }

    @Override
    public Optional<ProviderLink> find(String runnerId, Provider provider) {
        return runnerId.equals(SessionCookies.DEMO_RUNNER_ID) && provider == Provider.SPOTIFY ? Optional.of(link()) : Optional.empty();
    }

    @Override
    public Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId) {
        return Optional.empty();
    }

    @Override
    public List<ProviderLink> findAllByExternalUser(Provider provider, String externalUserId) {
        return List.of();
    }

    @Override
    public void save(ProviderLink link) {
        throw new UnsupportedOperationException("the demo runner's Spotify link is not stored");
    }

    @Override
    public boolean replaceIfVersion(ProviderLink updated, long expectedVersion) {
        return false;
    }

    @Override
    public boolean claimRefresh(String runnerId, Provider provider, long expectedVersion, Instant now, Instant until) {
        return false;
    }

    @Override
    public void delete(String runnerId, Provider provider) {
        // nothing stored
    }
}

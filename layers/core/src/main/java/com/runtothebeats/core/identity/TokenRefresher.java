package com.runtothebeats.core.identity;

import com.runtothebeats.core.time.Pause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps a link's access token usable. Concurrent workers that find the same token expired (a burst of
 * webhook syncs, parallel publishes) make exactly one refresh call between them: one claims the refresh
 * in the store (conditional on the link's version), the others wait for the version to move and use the
 * token it stored. Every write is conditional on the version read, so a slow refresh never overwrites a
 * newer token. A refresh token the provider declares dead marks the link with {@code onRevokedConsent}.
 */
public final class TokenRefresher {

    /** Refresh this long before expiry, so a token does not die in the middle of a request. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    static final Duration CLAIM_DURATION = Duration.ofSeconds(10);
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final ProviderLinkStore links;
    private final OAuthTokenEndpoint tokenEndpoint;
    private final LinkStatus onRevokedConsent;
    private final Clock clock;
    private final Pause pause;

    public TokenRefresher(ProviderLinkStore links, OAuthTokenEndpoint tokenEndpoint, LinkStatus onRevokedConsent,
                          Clock clock, Pause pause) {
        this.links = links;
        this.tokenEndpoint = tokenEndpoint;
        this.onRevokedConsent = onRevokedConsent;
        this.clock = clock;
        this.pause = pause;
    }

    /** The link with an access token valid for at least a minute, refreshed if needed. */
    public ProviderLink withValidAccessToken(ProviderLink link) {
        return refreshUnless(link, current -> current.accessTokenValidAt(clock.instant(), EXPIRY_MARGIN));
    }

    /** After the provider rejected {@code link}'s access token (401): a token other than the rejected one. */
    public ProviderLink afterRejectedAccessToken(ProviderLink link) {
        String rejected = link.accessToken();
        return refreshUnless(link, current -> !Objects.equals(current.accessToken(), rejected)
                && current.accessTokenValidAt(clock.instant(), EXPIRY_MARGIN));
    }

    private ProviderLink refreshUnless(ProviderLink given, java.util.function.Predicate<ProviderLink> usable) {
        ProviderLink current = given;
        Instant giveUpAt = clock.instant().plus(CLAIM_DURATION).plus(CLAIM_DURATION);
        while (true) {
            if (current.status() != LinkStatus.CONNECTED) {
                throw new LinkNotConnectedException(current.provider().id() + " is " + current.status());
            }
            if (usable.test(current)) {
                return current;
            }
            Instant now = clock.instant();
            if (current.refreshToken() != null
                    && links.claimRefresh(current.runnerId(), current.provider(), current.version(), now,
                    now.plus(CLAIM_DURATION))) {
                return refresh(current);
            }
            if (current.refreshToken() == null) {
                throw new LinkNotConnectedException(current.provider().id() + " link has no refresh token");
            }
            if (!now.isBefore(giveUpAt)) {
                throw new TokenRefreshInProgressException("another worker is refreshing the "
                        + current.provider().id() + " token");
            }
            pause.pause(POLL_INTERVAL);
            current = reread(current);
        }
    }

    private ProviderLink refresh(ProviderLink claimed) {
        TokenGrant grant;
        try {
            grant = tokenEndpoint.refresh(claimed.refreshToken());
        } catch (ConsentRevokedException revoked) {
            links.replaceIfVersion(claimed.withStatus(onRevokedConsent), claimed.version());
            throw revoked;
        }
        ProviderLink refreshed = claimed.withTokens(grant.accessToken(), grant.accessTokenExpiresAt(), grant.refreshToken());
        if (links.replaceIfVersion(refreshed, claimed.version())) {
            return refreshed;
        }
        // A fresh consent replaced the link while we refreshed: its tokens are newer than ours.
        return reread(claimed);
    }

    private ProviderLink reread(ProviderLink link) {
        return links.find(link.runnerId(), link.provider())
                .orElseThrow(() -> new LinkNotConnectedException(link.provider().id() + " link was deleted"));
    }
}

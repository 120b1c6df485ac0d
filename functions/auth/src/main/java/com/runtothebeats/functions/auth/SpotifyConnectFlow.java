package com.runtothebeats.functions.auth;

import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.RunnerStore;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyConsentExpiredException;
import com.runtothebeats.providers.spotify.SpotifyTokens;
import com.runtothebeats.providers.spotify.SpotifyUnavailableException;
import com.runtothebeats.providers.spotify.SpotifyUser;
import com.runtothebeats.providers.spotify.SpotifyUserNotAllowedException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with Spotify. The Spotify account decides who the runner is: an account we know signs its
 * runner in (found through the provider links' external-user index, {@code spotify#<account_id>}); a new account
 * joins the runner who started the sign-in, if any (e.g. the local demo runner), else becomes a new runner.
 *
 * <p>Links are keyed by {@code account_id}, Spotify's stable key, and also record the user {@code id} (what
 * playlists show as {@code owner.id}). Links made before that were keyed by {@code id}: such a runner is found by
 * {@code id} once and their link re-saved under {@code account_id}, which moves its index entry. When Spotify sends
 * no {@code account_id} the link is keyed by {@code id} and moves to {@code account_id} the first time one comes.
 */
public final class SpotifyConnectFlow implements ConnectFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyConnectFlow.class);

    private final SpotifyAuthorization spotify;
    private final ProviderLinkStore links;
    private final RunnerStore runners;
    private final Clock clock;
    private final SecureRandom random;

    public SpotifyConnectFlow(SpotifyAuthorization spotify, ProviderLinkStore links, RunnerStore runners, Clock clock,
                              SecureRandom random) {
        this.spotify = spotify;
        this.links = links;
        this.runners = runners;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Provider provider() {
        return Provider.SPOTIFY;
    }

    @Override
    public boolean requiresSignedInRunner() {
        return false;
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge) {
        return spotify.authorizationUrl(state, codeChallenge);
    }

    @Override
    public String complete(String code, String codeVerifier, String runnerId) {
        SpotifyTokens tokens;
        SpotifyUser user;
        try {
            tokens = spotify.exchange(code, codeVerifier);
            user = spotify.currentUser(tokens.accessToken());
        } catch (SpotifyConsentExpiredException e) {
            throw new ConnectFailedException("Spotify refused the sign-in code (used or expired); sign in again.", true, e);
        } catch (SpotifyUserNotAllowedException e) {
            throw new ConnectUnusableException(ConnectUnusableException.SPOTIFY_USER_NOT_ALLOWED, List.of(), e.getMessage());
        } catch (SpotifyUnavailableException e) {
            throw new ConnectFailedException("Spotify sign-in failed: " + e.getMessage(), false, e);
        }
        List<String> missing = SpotifyAuthorization.missingScopes(tokens.scope());
        if (!missing.isEmpty()) {
            // Publishing or the library would fail later with a link that looks connected: sign nobody in instead.
            throw ConnectUnusableException.missingScopes(missing);
        }
        Optional<ProviderLink> known = knownLink(user);
        String owner = known.map(ProviderLink::runnerId)
                .orElse(runnerId != null ? runnerId : "r-" + Pkce.randomToken(random, 12));
        if (!user.hasAccountId()) {
            LOG.info("Spotify sent no account_id for runner {}: their link is keyed by the Spotify user id", owner);
        } else if (known.filter(link -> !user.key().equals(link.externalUserId())).isPresent()) {
            LOG.info("re-keying runner {}'s Spotify link from the user id to account_id", owner);
        }
        runners.saveProfile(owner, user.displayName(), clock.instant());
        long version = links.find(owner, Provider.SPOTIFY).map(link -> link.version() + 1).orElse(1L);
        // One item per runner and provider: this put replaces the old key's index entry rather than adding one.
        links.save(new ProviderLink(owner, Provider.SPOTIFY, user.key(), tokens.accessToken(), tokens.expiresAt(),
                tokens.refreshToken(), tokens.scope(), LinkStatus.CONNECTED, version, user.id()));
        return owner;
    }

    /**
     * The link of this Spotify account: by {@code account_id}, else by {@code id} (links made before
     * {@code account_id} keying, or while Spotify sent none). A link keyed by {@code id} is only found by an
     * {@code id} and one keyed by {@code account_id} only by an {@code account_id}, so one account's {@code id}
     * that happened to equal another's {@code account_id} would never sign it in as the other's runner.
     */
    private Optional<ProviderLink> knownLink(SpotifyUser user) {
        if (user.hasAccountId()) {
            Optional<ProviderLink> byAccount = links.findAllByExternalUser(Provider.SPOTIFY, user.accountId()).stream()
                    .filter(link -> !keyedById(link) || user.accountId().equals(user.id()))
                    .findFirst();
            if (byAccount.isPresent()) {
                return byAccount;
            }
        }
        return links.findAllByExternalUser(Provider.SPOTIFY, user.id()).stream()
                .filter(SpotifyConnectFlow::keyedById)
                .findFirst();
    }

    /** Keyed by the Spotify user id: no recorded id (made before account_id keying), or the id is the key. */
    private static boolean keyedById(ProviderLink link) {
        return link.profileId() == null || link.profileId().equals(link.externalUserId());
    }

    /**
     * Spotify's Web API has no token revocation endpoint: only the runner can remove the app, on their Spotify
     * account's Apps page. So this forgets the tokens and reports that nothing was revoked at Spotify.
     */
    @Override
    public boolean disconnect(String runnerId) {
        links.delete(runnerId, Provider.SPOTIFY);
        return false;
    }
}

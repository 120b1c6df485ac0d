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
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Signing in with Spotify. The Spotify account decides who the runner is: an account we know signs its
 * runner in (found through the provider links' external-user index, {@code spotify#<userId>}); a new account
 * joins the runner who started the sign-in, if any (e.g. the local demo runner), else becomes a new runner.
 */
public final class SpotifyConnectFlow implements ConnectFlow {

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
        } catch (SpotifyUnavailableException e) {
            throw new ConnectFailedException("Spotify sign-in failed: " + e.getMessage(), false, e);
        }
        Optional<ProviderLink> known = links.findByExternalUser(Provider.SPOTIFY, user.id());
        String owner = known.map(ProviderLink::runnerId)
                .orElse(runnerId != null ? runnerId : "r-" + Pkce.randomToken(random, 12));
        runners.saveProfile(owner, user.displayName(), clock.instant());
        long version = links.find(owner, Provider.SPOTIFY).map(link -> link.version() + 1).orElse(1L);
        links.save(new ProviderLink(owner, Provider.SPOTIFY, user.id(), tokens.accessToken(), tokens.expiresAt(),
                tokens.refreshToken(), tokens.scope(), LinkStatus.CONNECTED, version));
        return owner;
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

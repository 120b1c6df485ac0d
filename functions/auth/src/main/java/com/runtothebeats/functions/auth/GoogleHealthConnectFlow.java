package com.runtothebeats.functions.auth;

import com.runtothebeats.aws.tokens.TokenDecryptionException;
import com.runtothebeats.core.heartrate.HeartRateSamples;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenGrant;
import com.runtothebeats.providers.googlehealth.GoogleApiException;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a runner's Fitbit through the Google Health API: Google's consent page (PKCE S256,
 * {@code access_type=offline} and {@code prompt=consent} so that a refresh token is always granted, the
 * heart-rate scope), then the code exchange and {@code users/me/identity} for the {@code healthUserId} that
 * webhook notifications name the runner by. Disconnecting revokes the grant at Google and forgets the tokens
 * and the runner's samples.
 */
public final class GoogleHealthConnectFlow implements ConnectFlow {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleHealthConnectFlow.class);

    private final GoogleEndpoints endpoints;
    private final String clientId;
    private final String redirectUri;
    private final GoogleOAuthClient oauth;
    private final GoogleHealthClient health;
    private final ProviderLinkStore links;
    private final HeartRateSamples samples;
    private final RunnerHeartRates states;

    public GoogleHealthConnectFlow(GoogleEndpoints endpoints, String clientId, String redirectUri,
                                   GoogleOAuthClient oauth, GoogleHealthClient health, ProviderLinkStore links,
                                   HeartRateSamples samples, RunnerHeartRates states) {
        this.endpoints = endpoints;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.oauth = oauth;
        this.health = health;
        this.links = links;
        this.samples = samples;
        this.states = states;
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE_HEALTH;
    }

    @Override
    public boolean requiresSignedInRunner() {
        return true;
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", GoogleEndpoints.HEART_RATE_SCOPE);
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("include_granted_scopes", "true");
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        return URI.create(endpoints.authorization() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    @Override
    public String complete(String code, String codeVerifier, String runnerId) {
        TokenGrant grant;
        String healthUserId;
        try {
            grant = oauth.exchangeCode(code, codeVerifier, redirectUri);
            healthUserId = health.healthUserId(grant.accessToken());
        } catch (ConsentRevokedException refused) {
            throw new ConnectFailedException("Google refused the authorization code (used or expired); connect again.",
                    true, refused);
        } catch (GoogleApiException | UncheckedIOException unavailable) {
            throw new ConnectFailedException("Google Health connect failed: " + unavailable.getMessage(), false, unavailable);
        }
        List<String> missing = missingScopes(grant.scopes());
        if (!missing.isEmpty()) {
            // The consent page let the runner untick heart rate: such a link would never sync, so none is stored.
            throw ConnectUnusableException.missingScopes(missing);
        }
        if (grant.refreshToken() == null) {
            throw new ConnectFailedException("Google granted no refresh token; connect again and allow offline access.",
                    true, null);
        }
        // A health account belongs to one runner: a previous runner's link to it is replaced by this one.
        links.findByExternalUser(Provider.GOOGLE_HEALTH, healthUserId)
                .filter(previous -> !previous.runnerId().equals(runnerId))
                .ifPresent(previous -> links.delete(previous.runnerId(), Provider.GOOGLE_HEALTH));
        long version = links.find(runnerId, Provider.GOOGLE_HEALTH).map(link -> link.version() + 1).orElse(1L);
        links.save(new ProviderLink(runnerId, Provider.GOOGLE_HEALTH, healthUserId, grant.accessToken(),
                grant.accessTokenExpiresAt(), grant.refreshToken(), grant.scopes(), LinkStatus.CONNECTED, version));
        return runnerId;
    }

    /** {@link GoogleEndpoints#HEART_RATE_SCOPE} unless the token response's {@code scope} lists it. */
    static List<String> missingScopes(String granted) {
        List<String> have = granted == null ? List.of() : Arrays.asList(granted.trim().split("\\s+"));
        return have.contains(GoogleEndpoints.HEART_RATE_SCOPE) ? List.of() : List.of(GoogleEndpoints.HEART_RATE_SCOPE);
    }

    /**
     * Revokes the grant at Google, then forgets the link, the runner's samples and heart-rate state. The runner
     * asked us to forget them, so the local deletion happens whatever Google answers (down, timed out). Revoking
     * comes first so that a failed deletion can be retried with the token still there (a token revoked by the
     * first attempt then answers {@code invalid_token}, which counts as revoked).
     *
     * @return true when Google confirmed the grant is gone; false when there was no refresh token to revoke or
     *         Google could not confirm it (the runner can still remove access in their Google Account)
     */
    @Override
    public boolean disconnect(String runnerId) {
        boolean revoked = storedRefreshToken(runnerId).map(token -> revokeAtGoogle(runnerId, token)).orElse(false);
        // Link, then state, then samples: a sync in flight either finds no link, or sees the clear when it
        // writes the state (and deletes its samples again), or wrote before the clear and its samples go here.
        links.delete(runnerId, Provider.GOOGLE_HEALTH);
        states.clear(runnerId);
        samples.deleteAll(runnerId);
        return revoked;
    }

    private Optional<String> storedRefreshToken(String runnerId) {
        try {
            return links.find(runnerId, Provider.GOOGLE_HEALTH).map(ProviderLink::refreshToken);
        } catch (TokenDecryptionException unreadable) {
            // Sealed under a key we no longer have: it cannot be revoked, and it is still forgotten.
            LOG.warn("google-health tokens of runner {} cannot be decrypted; nothing revoked at Google", runnerId);
            return Optional.empty();
        }
    }

    private boolean revokeAtGoogle(String runnerId, String refreshToken) {
        try {
            oauth.revoke(refreshToken);
            return true;
        } catch (GoogleApiException | UncheckedIOException unavailable) {
            // The messages carry the status and OAuth error code only; the token travels in the request body.
            LOG.warn("google-health grant of runner {} not revoked at Google ({}); deleting our copy anyway",
                    runnerId, unavailable.getMessage());
            return false;
        }
    }
}

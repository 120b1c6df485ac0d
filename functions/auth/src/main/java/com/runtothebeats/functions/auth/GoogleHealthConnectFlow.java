package com.runtothebeats.functions.auth;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Connecting a runner's Fitbit through the Google Health API: Google's consent page (PKCE S256,
 * {@code access_type=offline} and {@code prompt=consent} so that a refresh token is always granted, the
 * heart-rate scope), then the code exchange and {@code users/me/identity} for the {@code healthUserId} that
 * webhook notifications name the runner by. Disconnecting forgets the tokens and the runner's samples.
 */
public final class GoogleHealthConnectFlow implements ConnectFlow {

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

    @Override
    public void disconnect(String runnerId) {
        links.delete(runnerId, Provider.GOOGLE_HEALTH);
        samples.deleteAll(runnerId);
        states.clear(runnerId);
    }
}

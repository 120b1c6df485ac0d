package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.GrantRevocation;
import com.runtothebeats.core.identity.OAuthTokenEndpoint;
import com.runtothebeats.core.identity.TokenGrant;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's OAuth 2.0 endpoints: the token endpoint (the authorization-code grant with PKCE, and refreshes) and
 * token revocation (a runner disconnecting ends the grant at Google too).
 */
public final class GoogleOAuthClient implements OAuthTokenEndpoint, GrantRevocation {

    /**
     * Shorter than other Google calls: a runner waits on the page, and the local deletion after it has to fit
     * in the Auth function's timeout even when Google does not answer.
     */
    static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(5);

    private final GoogleHttp http = new GoogleHttp();
    private final URI tokenEndpoint;
    private final URI revocationEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    public GoogleOAuthClient(GoogleEndpoints endpoints, String clientId, String clientSecret, Clock clock) {
        this.tokenEndpoint = endpoints.token();
        this.revocationEndpoint = endpoints.revocation();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public TokenGrant exchangeCode(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", codeVerifier);
        form.put("redirect_uri", redirectUri);
        return post(form);
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(form);
    }

    /**
     * {@code POST /revoke} with the token in the form body (never in the URL, where it would reach access logs);
     * revoking the refresh token ends the whole grant, its access tokens included. Google needs no client
     * authentication here, so the client secret is not sent. 200 = revoked; 400 {@code invalid_token} = already
     * revoked or expired, which is just as done.
     *
     * @throws GoogleApiException any other answer (5xx, another 4xx): the grant may still be alive
     * @throws java.io.UncheckedIOException no answer within {@link #REVOKE_TIMEOUT}
     */
    @Override
    public void revoke(String refreshToken) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(revocationEndpoint)
                .timeout(REVOKE_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GoogleHttp.form(Map.of("token", refreshToken))))
                .build());
        if (response.statusCode() / 100 == 2) {
            return;
        }
        String error = errorCode(response);
        if (response.statusCode() == 400 && "invalid_token".equals(error)) {
            return;
        }
        throw new GoogleApiException(response.statusCode(), "Google revocation endpoint answered "
                + response.statusCode() + (error.isEmpty() ? "" : " " + error));
    }

    /** The OAuth error code of an error answer, or "" when its body is not the usual JSON. */
    private static String errorCode(HttpResponse<String> response) {
        try {
            return parse(response).path("error").asText("");
        } catch (GoogleApiException notJson) {
            return "";
        }
    }

    private TokenGrant post(Map<String, String> form) {
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .timeout(GoogleHttp.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GoogleHttp.form(form)))
                .build());
        JsonNode body = parse(response);
        if (response.statusCode() / 100 != 2) {
            String error = body.path("error").asText("");
            if ("invalid_grant".equals(error)) {
                throw new ConsentRevokedException("Google refused the grant (invalid_grant): the runner must connect again");
            }
            // Only the error code: the description may echo request details.
            throw new GoogleApiException(response.statusCode(), "Google token endpoint answered "
                    + response.statusCode() + (error.isEmpty() ? "" : " " + error));
        }
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null) {
            throw new GoogleApiException(response.statusCode(), "Google token response has no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        return new TokenGrant(accessToken, clock.instant().plusSeconds(expiresIn),
                body.path("refresh_token").asText(null), body.path("scope").asText(null));
    }

    static JsonNode parse(HttpResponse<String> response) {
        try {
            String text = response.body();
            return text == null || text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new GoogleApiException(response.statusCode(), "Google answered " + response.statusCode()
                    + " with a body that is not JSON");
        }
    }
}

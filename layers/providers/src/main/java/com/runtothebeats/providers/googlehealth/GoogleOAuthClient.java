package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.OAuthTokenEndpoint;
import com.runtothebeats.core.identity.TokenGrant;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Google's OAuth 2.0 token endpoint: the authorization-code grant with PKCE, and refreshes. */
public final class GoogleOAuthClient implements OAuthTokenEndpoint {

    private final GoogleHttp http = new GoogleHttp();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    public GoogleOAuthClient(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
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

package com.runtothebeats.providers.googlehealth;

import java.net.URI;

/**
 * Where Google's OAuth and Health API live. Unconfigured, the real hosts; with
 * {@code GOOGLE_OAUTH_BASE_URL} set (a stand-in), authorization at {@code <base>/o/oauth2/v2/auth}, the
 * token endpoint at {@code <base>/token} and token revocation at {@code <base>/revoke}; the Health API at
 * {@code GOOGLE_HEALTH_API_BASE_URL} ({@code /v4/...}).
 */
public record GoogleEndpoints(URI authorization, URI token, URI revocation, URI healthApi) {

    public static final String HEART_RATE_SCOPE =
            "https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly";

    public static GoogleEndpoints of(String oauthBaseUrl, String healthApiBaseUrl) {
        URI authorization;
        URI token;
        URI revocation;
        if (oauthBaseUrl == null || oauthBaseUrl.isBlank()) {
            authorization = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
            token = URI.create("https://oauth2.googleapis.com/token");
            revocation = URI.create("https://oauth2.googleapis.com/revoke");
        } else {
            String base = trimSlash(oauthBaseUrl);
            authorization = URI.create(base + "/o/oauth2/v2/auth");
            token = URI.create(base + "/token");
            revocation = URI.create(base + "/revoke");
        }
        String health = healthApiBaseUrl == null || healthApiBaseUrl.isBlank()
                ? "https://health.googleapis.com" : trimSlash(healthApiBaseUrl);
        return new GoogleEndpoints(authorization, token, revocation, URI.create(health));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

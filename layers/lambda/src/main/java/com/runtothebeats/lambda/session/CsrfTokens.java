package com.runtothebeats.lambda.session;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.lambda.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

/**
 * Double-submit CSRF protection. A random token is set as the {@code __Host-beats_csrf} cookie (readable by our
 * page's script, so not HttpOnly); the page echoes it in the {@code X-CSRF-Token} header. Another site can
 * make the browser send the cookie but cannot read it, so it cannot produce the matching header.
 */
public final class CsrfTokens {

    public static final String COOKIE = "__Host-beats_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecureRandom random;
    private final Duration lifetime;

    public CsrfTokens(SecureRandom random, Duration lifetime) {
        this.random = random;
        this.lifetime = lifetime;
    }

    /** A {@code Set-Cookie} value carrying a fresh token. */
    public String newCookie() {
        return COOKIE + "=" + Pkce.randomToken(random, 24) + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; Secure; SameSite=Lax";
    }

    /**
     * Throws {@link RequestRejectedException} (403) when a state-changing request lacks a header that matches
     * the CSRF cookie. Only safe methods pass without. The local demo runner needs no session cookie, which
     * makes it the easiest target of all: any page could post a cookieless {@code text/plain} form to it, so
     * the check holds there too (the page gets its CSRF cookie with the HTML).
     */
    public static void verify(APIGatewayV2HTTPEvent event, RunnerSession session) {
        if (SAFE_METHODS.contains(HttpRequest.httpMethod(event))) {
            return;
        }
        String cookie = RequestCookies.of(event).get(COOKIE).orElse(null);
        String header = RequestCookies.header(event, HEADER);
        if (cookie == null || cookie.isEmpty() || header == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            throw new RequestRejectedException(403, "csrf_check_failed",
                    "The " + HEADER + " header must repeat the " + COOKIE + " cookie on this request.");
        }
    }
}

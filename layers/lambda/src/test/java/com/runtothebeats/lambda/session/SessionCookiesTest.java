package com.runtothebeats.lambda.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-session".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");

    private static SessionCookies sessions(Instant now, boolean demo) {
        return new SessionCookies(SECRET, Duration.ofHours(2), Clock.fixed(now, ZoneOffset.UTC), demo);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static APIGatewayV2HTTPEvent request(String method, List<String> cookies, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setCookies(cookies);
        event.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    @Test
    void anIssuedCookieNamesItsRunnerWithTheSecureAttributes() {
        String setCookie = sessions(NOW, false).issue("r-abc_123");
        assertTrue(setCookie.startsWith("__Host-beats_session=r-abc_123."));
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Lax"));
        assertTrue(setCookie.contains("Max-Age=7200"));
        APIGatewayV2HTTPEvent event = request("GET", List.of("__Host-beats_session=" + value(setCookie)), null);
        assertEquals(Optional.of("r-abc_123"), sessions(NOW.plusSeconds(60), false).signedInRunner(event));
    }

    /** What a browser requires of a {@code __Host-} cookie: Secure, Path=/ and no Domain (so no subdomain can set it). */
    static void assertHostCookie(String setCookie) {
        List<String> attributes = List.of(setCookie.split(";\\s*"));
        assertTrue(attributes.get(0).startsWith("__Host-"), setCookie);
        assertTrue(attributes.contains("Secure") && attributes.contains("Path=/"), setCookie);
        assertTrue(attributes.stream().noneMatch(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith("domain")), setCookie);
    }

    @Test
    void theSessionAndCsrfCookiesAreHostPrefixedAndAnUnprefixedOneIsNotRead() {
        SessionCookies sessions = sessions(NOW, false);
        assertHostCookie(sessions.issue("runner-1"));
        assertHostCookie(sessions.expire());
        assertHostCookie(new CsrfTokens(new SecureRandom(), Duration.ofHours(1)).newCookie());
        // A sibling subdomain can plant beats_session=… for our host; only the __Host- name is ours.
        String planted = value(sessions.issue("runner-1"));
        assertEquals(Optional.empty(), sessions.signedInRunner(request("GET", List.of("beats_session=" + planted), null)));
    }

    @Test
    void theCookieHeaderIsReadWhenTheCookiesArrayIsAbsent() {
        String cookie = value(sessions(NOW, false).issue("runner-1"));
        APIGatewayV2HTTPEvent event = request("GET", null, Map.of("Cookie", "other=1; __Host-beats_session=" + cookie));
        assertEquals(Optional.of("runner-1"), sessions(NOW, false).signedInRunner(event));
    }

    @Test
    void aTamperedCookieIsRejected() {
        String cookie = value(sessions(NOW, false).issue("runner-1"));
        String otherRunner = cookie.replace("runner-1", "runner-2");
        String otherExpiry = cookie.replaceFirst("\\.(\\d+)\\.", ".9999999999.");
        char last = cookie.charAt(cookie.length() - 1);
        String otherSignature = cookie.substring(0, cookie.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String forged : List.of(otherRunner, otherExpiry, otherSignature, "runner-1", "runner-1.1.x", "")) {
            APIGatewayV2HTTPEvent event = request("GET", List.of("__Host-beats_session=" + forged), null);
            assertEquals(Optional.empty(), sessions(NOW, false).signedInRunner(event), forged);
        }
    }

    @Test
    void aCookieSignedWithAnotherSecretIsRejected() {
        SessionCookies other = new SessionCookies("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(2), Clock.fixed(NOW, ZoneOffset.UTC), false);
        APIGatewayV2HTTPEvent event = request("GET", List.of("__Host-beats_session=" + value(other.issue("runner-1"))), null);
        assertEquals(Optional.empty(), sessions(NOW, false).signedInRunner(event));
    }

    @Test
    void anExpiredCookieNamesNobody() {
        String cookie = value(sessions(NOW, false).issue("runner-1"));
        APIGatewayV2HTTPEvent event = request("GET", List.of("__Host-beats_session=" + cookie), null);
        assertTrue(sessions(NOW.plus(Duration.ofHours(2)).minusSeconds(1), false).signedInRunner(event).isPresent());
        assertEquals(Optional.empty(), sessions(NOW.plus(Duration.ofHours(2)), false).signedInRunner(event));
    }

    @Test
    void withoutACookieOnlyDemoModeActsAsTheDemoRunner() {
        APIGatewayV2HTTPEvent event = request("GET", null, null);
        assertEquals(Optional.empty(), sessions(NOW, false).session(event));
        RequestRejectedException rejected = assertThrows(RequestRejectedException.class,
                () -> sessions(NOW, false).requireRunner(event));
        assertEquals(401, rejected.status());
        RunnerSession demo = sessions(NOW, true).requireRunner(event);
        assertEquals("demo-runner", demo.runnerId());
        assertTrue(demo.demo());
    }

    @Test
    void demoModeKeepsTheCsrfCheckForACookielessPost() {
        // What a page anywhere can send: a text/plain form POST, no cookie of ours, no header.
        RequestRejectedException forged = assertThrows(RequestRejectedException.class,
                () -> sessions(NOW, true).requireRunner(request("POST", null, Map.of("content-type", "text/plain"))));
        assertEquals(403, forged.status());
        RunnerSession fromOurPage = sessions(NOW, true).requireRunner(request("POST", List.of(CsrfTokens.COOKIE + "=t-1"),
                Map.of(CsrfTokens.HEADER, "t-1")));
        assertEquals("demo-runner", fromOurPage.runnerId());
    }

    @Test
    void demoModeIsOffUnlessTheEnvironmentSaysSo() {
        SessionCookies fromEnv = SessionCookies.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_SECRET", new String(SECRET, StandardCharsets.UTF_8))), name -> {
                    throw new AssertionError("no parameter lookup expected");
                });
        assertFalse(fromEnv.demoMode());
        assertThrows(IllegalStateException.class, () -> SessionCookies.fromEnvironment(LambdaEnvironment.of(Map.of()), n -> null));
        assertTrue(SessionCookies.fromEnvironment(LambdaEnvironment.of(Map.of("BEATS_DEMO_MODE", "true")), n -> null).demoMode());
        // The local stack without demo mode (a Spotify app configured) has no SSM either: never asked.
        SessionCookies local = SessionCookies.fromEnvironment(LambdaEnvironment.of(Map.of("BEATS_LOCAL", "true",
                "SESSION_SECRET_PARAMETER", "/run-to-the-beats/dev/session-secret")), name -> {
                    throw new AssertionError("SSM is not asked locally");
                });
        assertFalse(local.demoMode());
    }

    @Test
    void theSecretComesFromTheNamedParameterWhenNotInTheEnvironment() {
        SessionCookies fromParameter = SessionCookies.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_SECRET_PARAMETER", "/beats/dev/session-secret")),
                name -> name.equals("/beats/dev/session-secret") ? new String(SECRET, StandardCharsets.UTF_8) : null);
        String cookie = value(fromParameter.issue("runner-1"));
        assertTrue(sessions(Instant.now(), false).signedInRunner(request("GET", List.of("__Host-beats_session=" + cookie), null)).isPresent());
    }

    @Test
    void aStateChangingRequestWithASessionNeedsTheCsrfHeader() {
        SessionCookies sessions = sessions(NOW, false);
        String session = "__Host-beats_session=" + value(sessions.issue("runner-1"));
        String csrfCookie = new CsrfTokens(new SecureRandom(), Duration.ofHours(1)).newCookie();
        assertFalse(csrfCookie.contains("HttpOnly"), "the page's script must read the CSRF cookie");
        String token = value(csrfCookie);

        RequestRejectedException missing = assertThrows(RequestRejectedException.class,
                () -> sessions.requireRunner(request("POST", List.of(session, "__Host-beats_csrf=" + token), Map.of())));
        assertEquals(403, missing.status());
        assertThrows(RequestRejectedException.class, () -> sessions.requireRunner(
                request("POST", List.of(session, "__Host-beats_csrf=" + token), Map.of("x-csrf-token", token + "x"))));
        assertThrows(RequestRejectedException.class, () -> sessions.requireRunner(
                request("POST", List.of(session), Map.of("x-csrf-token", token))));

        assertEquals("runner-1", sessions.requireRunner(
                request("POST", List.of(session, "__Host-beats_csrf=" + token), Map.of("x-csrf-token", token))).runnerId());
        assertEquals("runner-1", sessions.requireRunner(request("GET", List.of(session), Map.of())).runnerId());
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SessionCookies("short".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Clock.systemUTC(), false));
    }
}

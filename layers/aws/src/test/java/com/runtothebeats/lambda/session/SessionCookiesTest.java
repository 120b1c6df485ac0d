package com.runtothebeats.lambda.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Server-side sessions: {@link SessionCookies} on the sessions table in DynamoDB Local. */
class SessionCookiesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient dynamo;
    private static int tables;
    private DynamoSessionStore store;
    private String table;

    @BeforeAll
    static void startDynamo() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
    }

    @AfterAll
    static void stopDynamo() {
        local.shutdownNow();
    }

    @BeforeEach
    void freshTable() {
        table = "sessions-" + ++tables;
        TemplateTables.createProjectTable(dynamo, "SessionsTable", table);
        store = new DynamoSessionStore(dynamo, table);
    }

    private SessionCookies sessions(Instant now, boolean demo) {
        return new SessionCookies(store, Duration.ofHours(2), Clock.fixed(now, ZoneOffset.UTC), demo);
    }

    static String value(String setCookie) {
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
    public static void assertHostCookie(String setCookie) {
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
    void aCookieNamesItsRunnerOnlyWithTheSecretOfOneOfTheirSessions() {
        String cookie = value(sessions(NOW, false).issue("runner-1"));
        String otherRunner = cookie.replace("runner-1", "runner-2");
        char last = cookie.charAt(cookie.length() - 1);
        String otherSecret = cookie.substring(0, cookie.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String forged : List.of(otherRunner, otherSecret, "runner-1", "runner-1.", "runner-1.x", ".abc", "", "a.b.c")) {
            APIGatewayV2HTTPEvent event = request("GET", List.of("__Host-beats_session=" + forged), null);
            assertEquals(Optional.empty(), sessions(NOW, false).signedInRunner(event), forged);
        }
    }

    @Test
    void theTableKeepsADigestOfTheSecretNeverTheSecret() {
        String cookie = value(sessions(NOW, false).issue("runner-1"));
        String secret = cookie.substring(cookie.lastIndexOf('.') + 1);
        List<Map<String, AttributeValue>> items = dynamo.scan(b -> b.tableName(table)).items();
        assertEquals(1, items.size());
        assertEquals(Set.of("runnerId", "sessionKey", "createdAt", "expiresAt"), items.get(0).keySet());
        assertFalse(items.get(0).toString().contains(secret));
        assertEquals(NOW.plus(Duration.ofHours(2)).getEpochSecond(), Long.parseLong(items.get(0).get("expiresAt").n()), "the TTL");
    }

    @Test
    void signingOutEndsTheSessionForEveryCopyOfTheCookie() {
        SessionCookies sessions = sessions(NOW, false);
        String first = "__Host-beats_session=" + value(sessions.issue("runner-1"));
        String second = "__Host-beats_session=" + value(sessions.issue("runner-1"));
        sessions.signOut(request("POST", List.of(first), null));
        assertEquals(Optional.empty(), sessions.signedInRunner(request("GET", List.of(first), null)), "a copied cookie is dead too");
        assertEquals(Optional.of("runner-1"), sessions.signedInRunner(request("GET", List.of(second), null)), "other browsers stay");
    }

    @Test
    void inDemoModeALoggedOutCookieIsSignedOutNotTheDemoRunner() {
        SessionCookies sessions = sessions(NOW, true);
        String cookie = "__Host-beats_session=" + value(sessions.issue("demo-runner"));
        sessions.signOut(request("POST", List.of(cookie), null));
        RequestRejectedException rejected = assertThrows(RequestRejectedException.class,
                () -> sessions.requireRunner(request("GET", List.of(cookie), null)));
        assertEquals(401, rejected.status());
        assertEquals("demo-runner", sessions.requireRunner(request("GET", null, null)).runnerId(), "no cookie: the demo");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheRunnerAndNoOneElses() {
        SessionCookies sessions = sessions(NOW, false);
        List<String> browsers = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) { // more than one BatchWriteItem's 25
            browsers.add("__Host-beats_session=" + value(sessions.issue("runner-1")));
        }
        String someoneElse = "__Host-beats_session=" + value(sessions.issue("runner-2"));
        assertEquals(60, sessions.signOutEverywhere("runner-1"));
        for (String browser : browsers) {
            assertEquals(Optional.empty(), sessions.signedInRunner(request("GET", List.of(browser), null)));
        }
        assertEquals(Optional.of("runner-2"), sessions.signedInRunner(request("GET", List.of(someoneElse), null)));
        assertEquals(0, sessions.signOutEverywhere("runner-1"));
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
    void theDemoRunnerSignedInThroughTheDemosSignInIsStillTheDemo() {
        // the demo's "sign in with Spotify" issues a session for the demo runner: it must keep the demo's library
        // and name, not become a runner without a Spotify link whom import sends to sign in again and again
        String demoCookie = "__Host-beats_session=" + value(sessions(NOW, true).issue("demo-runner"));
        assertTrue(sessions(NOW, true).requireRunner(request("GET", List.of(demoCookie), null)).demo());
        String runnerCookie = "__Host-beats_session=" + value(sessions(NOW, true).issue("runner-1"));
        assertFalse(sessions(NOW, true).requireRunner(request("GET", List.of(runnerCookie), null)).demo(),
                "a real runner signed in beside the demo is no demo");
        assertFalse(sessions(NOW, false).requireRunner(request("GET", List.of(demoCookie), null)).demo(),
                "outside demo mode a runner who happens to be called demo-runner is no demo");
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
        assertFalse(SessionCookies.fromEnvironment(LambdaEnvironment.of(Map.of()), store).demoMode());
        assertTrue(SessionCookies.fromEnvironment(LambdaEnvironment.of(Map.of("BEATS_DEMO_MODE", "true")), store).demoMode());
        assertEquals(Duration.ofHours(5), SessionCookies.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_LIFETIME_HOURS", "5")), store).lifetime());
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
}

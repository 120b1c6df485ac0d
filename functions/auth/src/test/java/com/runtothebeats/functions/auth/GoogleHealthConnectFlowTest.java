package com.runtothebeats.functions.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.heartrate.HeartRateRecorder;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Connecting Google Health through the Auth function, against DynamoDB Local and a Google stand-in (WireMock). */
class GoogleHealthConnectFlowTest {

    private static final byte[] SESSION_KEY = "a-session-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static WireMockServer google;

    @TempDir
    Path stateDir;

    private AmazonDynamoDBLocal local;
    private DynamoDbClient dynamo;
    private DynamoProviderLinkStore links;
    private DynamoHeartRateSamples samples;
    private DynamoRunnerHeartRates states;
    private SessionCookies sessions;
    private GoogleHealthConnectFlow flow;
    private AuthHandler handler;

    @BeforeAll
    static void startGoogle() {
        google = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        google.start();
    }

    @AfterAll
    static void stopGoogle() {
        google.stop();
    }

    @BeforeEach
    void setUp() {
        google.resetAll();
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "OAuthStatesTable", "states");
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "links");
        TemplateTables.createProjectTable(dynamo, "HeartRateTable", "heart-rate");
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners");
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "sessions");
        links = new DynamoProviderLinkStore(dynamo, "links", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("k")));
        samples = new DynamoHeartRateSamples(dynamo, "heart-rate");
        states = new DynamoRunnerHeartRates(dynamo, "runners");
        GoogleEndpoints endpoints = GoogleEndpoints.of(google.baseUrl(), google.baseUrl());
        flow = new GoogleHealthConnectFlow(endpoints, "client-id",
                "http://127.0.0.1:3000/auth/google-health/callback",
                new GoogleOAuthClient(endpoints, "client-id", "client-secret", Clock.systemUTC()),
                new GoogleHealthClient(endpoints.healthApi(), Pause.SLEEP), links, samples, states);
        sessions = new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), Clock.systemUTC(), false);
        handler = new AuthHandler(new AuthComponents(sessions, SESSION_KEY, new DynamoOAuthStateStore(dynamo, "states"), List.of(flow),
                "/dashboard", Clock.systemUTC(), new SecureRandom(), com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));
    }

    @AfterEach
    void stopDynamo() {
        local.shutdownNow();
    }

    private APIGatewayV2HTTPEvent request(String method, String path, String runnerId, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setHeaders(new HashMap<>());
        event.setQueryStringParameters(query);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        context.setHttp(http);
        event.setRequestContext(context);
        List<String> cookies = new ArrayList<>(browserCookies);
        if (runnerId != null) {
            cookies.addAll(List.of(sessions.issue(runnerId).split(";")[0], "__Host-beats_csrf=csrf-1"));
            event.getHeaders().put("x-csrf-token", "csrf-1");
        }
        event.setCookies(cookies.isEmpty() ? null : cookies);
        return event;
    }

    /** This test's browser: the cookies {@code /start} set (the attempt's browser binding). */
    private final List<String> browserCookies = new ArrayList<>();

    /** Starts a connect as {@code runnerId} in this test's browser; the authorize URL's query. */
    private Map<String, String> started(String runnerId) {
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/google-health/start", runnerId, null), null);
        start.getCookies().forEach(cookie -> browserCookies.add(cookie.split(";")[0]));
        return query(start.getHeaders().get("Location"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private void serveGoogle() {
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"access-1\",\"expires_in\":3599,\"refresh_token\":\"refresh-1\","
                        + "\"scope\":\"" + GoogleEndpoints.HEART_RATE_SCOPE + "\",\"token_type\":\"Bearer\"}")));
        google.stubFor(get(urlPathEqualTo("/v4/users/me/identity")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(okJson("{\"name\":\"users/me/identity\",\"healthUserId\":\"hu-42\",\"legacyUserId\":\"7ABCDE\"}")));
    }

    @Test
    void startRedirectsToGoogleWithPkceOfflineAccessAndTheHeartRateScope() {
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/google-health/start", "runner-1", null), null);
        assertEquals(302, start.getStatusCode());
        String location = start.getHeaders().get("Location");
        assertTrue(location.startsWith(google.baseUrl() + "/o/oauth2/v2/auth?"), location);
        Map<String, String> query = query(location);
        assertEquals("code", query.get("response_type"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals("offline", query.get("access_type"));
        assertEquals(GoogleEndpoints.HEART_RATE_SCOPE, query.get("scope"));
        assertEquals("client-id", query.get("client_id"));
        assertTrue(query.get("state").length() >= 32);

        assertEquals(401, handler.handleRequest(request("GET", "/auth/google-health/start", null, null), null).getStatusCode(),
                "a device attaches to a signed-in runner");
    }

    @Test
    void callbackExchangesTheCodeAndLinksTheHealthUserToTheRunner() {
        serveGoogle();
        Map<String, String> authorize = started("runner-1");

        APIGatewayV2HTTPResponse callback = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "code-1")), null);
        assertEquals(302, callback.getStatusCode());
        assertEquals("/dashboard?connected=google-health", callback.getHeaders().get("Location"));

        ProviderLink link = links.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-42").orElseThrow();
        assertEquals("runner-1", link.runnerId());
        assertEquals("refresh-1", link.refreshToken());
        assertEquals(LinkStatus.CONNECTED, link.status());

        LoggedRequest exchange = google.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        Map<String, String> form = query("http://x/?" + exchange.getBodyAsString());
        assertEquals(authorize.get("code_challenge"), Pkce.challengeOf(form.get("code_verifier")),
                "the verifier sent is the one whose challenge went to Google");
        assertEquals("http://127.0.0.1:3000/auth/google-health/callback", form.get("redirect_uri"));

        APIGatewayV2HTTPResponse replayed = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "code-1")), null);
        assertEquals(400, replayed.getStatusCode(), "a state is used once");
    }

    @Test
    void aStateStartedByAnotherRunnerIsRefused() {
        serveGoogle();
        Map<String, String> authorize = started("runner-1");
        APIGatewayV2HTTPResponse callback = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-2",
                Map.of("state", authorize.get("state"), "code", "code-1")), null);
        assertEquals(403, callback.getStatusCode());
        assertTrue(links.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-42").isEmpty());
        google.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void aCallbackInABrowserThatDidNotStartTheConnectIsRefusedAndChangesNothing() {
        serveGoogle();
        Map<String, String> authorize = started("runner-1");
        List<String> startingBrowser = List.copyOf(browserCookies);
        browserCookies.clear();
        // Signed in as the same runner, but in another browser (no binding cookie for this state).
        APIGatewayV2HTTPResponse callback = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "code-1")), null);
        assertEquals(403, callback.getStatusCode(), callback.getBody());
        assertTrue(callback.getBody().contains("browser_mismatch"));
        assertTrue(links.find("runner-1", Provider.GOOGLE_HEALTH).isEmpty());
        google.verify(0, postRequestedFor(urlPathEqualTo("/token")));

        browserCookies.addAll(startingBrowser);
        assertEquals(302, handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "code-1")), null).getStatusCode());
        assertTrue(links.find("runner-1", Provider.GOOGLE_HEALTH).isPresent());
    }

    @Test
    void aRefusedCodeStoresNothing() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        Map<String, String> authorize = started("runner-1");
        APIGatewayV2HTTPResponse callback = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "used-code")), null);
        assertEquals(400, callback.getStatusCode());
        assertTrue(links.find("runner-1", Provider.GOOGLE_HEALTH).isEmpty());
    }

    @Test
    void aConsentWithHeartRateUntickedStoresNoLinkAndSaysSoAtHome() {
        // Google's consent page lets the runner untick a scope; the token response lists only what was granted.
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"access-1\",\"expires_in\":3599,\"refresh_token\":\"refresh-1\","
                        + "\"scope\":\"openid https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly\","
                        + "\"token_type\":\"Bearer\"}")));
        google.stubFor(get(urlPathEqualTo("/v4/users/me/identity")).willReturn(okJson("{\"healthUserId\":\"hu-42\"}")));
        Map<String, String> authorize = started("runner-1");

        APIGatewayV2HTTPResponse callback = handler.handleRequest(request("GET", "/auth/google-health/callback", "runner-1",
                Map.of("state", authorize.get("state"), "code", "code-1")), null);

        assertEquals(302, callback.getStatusCode());
        assertEquals("/dashboard?connect=google-health&error=missing_scopes&missing="
                + URLEncoder.encode(GoogleEndpoints.HEART_RATE_SCOPE, StandardCharsets.UTF_8), callback.getHeaders().get("Location"));
        assertTrue(links.find("runner-1", Provider.GOOGLE_HEALTH).isEmpty(), "no link that could never sync");
        assertTrue(links.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-42").isEmpty());
    }

    /** A connected runner with a sample and a heart-rate state, as a synced Fitbit leaves them. */
    private void connectedWithHeartRate(String runnerId, String refreshToken) {
        links.save(new ProviderLink(runnerId, Provider.GOOGLE_HEALTH, "hu-42", "access-secret-1",
                Instant.now().plusSeconds(3000), refreshToken, GoogleEndpoints.HEART_RATE_SCOPE, LinkStatus.CONNECTED, 1));
        List<HeartRateSample> readings = List.of(new HeartRateSample(Instant.parse("2026-11-24T19:00:00Z"), 150));
        new HeartRateRecorder(samples, states).record(runnerId, states.read(runnerId), readings, "google-health");
    }

    private void googleRevokeAnswers(ResponseDefinitionBuilder answer) {
        google.stubFor(post(urlPathEqualTo("/revoke")).willReturn(answer));
    }

    /** The disconnect's 200 body, after checking that nothing of the runner's Google Health data is left. */
    private JsonNode disconnectAndCheckForgotten(String runnerId) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("POST", "/auth/google-health/disconnect", runnerId, null), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(links.find(runnerId, Provider.GOOGLE_HEALTH).isEmpty(), "tokens deleted");
        assertEquals(0, samples.between(runnerId, Instant.EPOCH, Instant.now()).size(), "samples deleted");
        assertTrue(states.find(runnerId).isEmpty(), "heart-rate state cleared");
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("google-health", body.path("provider").asText());
        assertEquals("DISCONNECTED", body.path("status").asText());
        return body;
    }

    /** The form Google's revocation endpoint received, after checking there was exactly one call. */
    private Map<String, String> theOneRevokeRequest() {
        List<LoggedRequest> revokes = google.findAll(postRequestedFor(urlPathEqualTo("/revoke")));
        assertEquals(1, revokes.size());
        assertEquals("application/x-www-form-urlencoded", revokes.get(0).getHeader("Content-Type"));
        assertEquals("", revokes.get(0).getUrl().replaceFirst("^/revoke\\??", ""), "the token is never in the URL");
        return query("http://x/?" + revokes.get(0).getBodyAsString());
    }

    @Test
    void disconnectRevokesTheGrantAtGoogleAndForgetsTokensSamplesAndState() throws Exception {
        connectedWithHeartRate("runner-1", "refresh-secret-1");
        googleRevokeAnswers(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"));

        APIGatewayV2HTTPEvent withoutCsrf = request("POST", "/auth/google-health/disconnect", "runner-1", null);
        withoutCsrf.getHeaders().remove("x-csrf-token");
        assertEquals(403, handler.handleRequest(withoutCsrf, null).getStatusCode());
        assertTrue(links.find("runner-1", Provider.GOOGLE_HEALTH).isPresent());
        google.verify(0, postRequestedFor(urlPathEqualTo("/revoke")));

        JsonNode body = disconnectAndCheckForgotten("runner-1");
        assertTrue(body.path("revokedAtProvider").isBoolean());
        assertTrue(body.path("revokedAtProvider").asBoolean());
        assertEquals(Map.of("token", "refresh-secret-1"), theOneRevokeRequest(),
                "the decrypted refresh token (it ends the whole grant), and no client secret");
    }

    @Test
    void aGrantGoogleHasAlreadyEndedCountsAsRevoked() throws Exception {
        connectedWithHeartRate("runner-1", "refresh-secret-1");
        googleRevokeAnswers(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}"));

        assertTrue(disconnectAndCheckForgotten("runner-1").path("revokedAtProvider").asBoolean());
        assertEquals("refresh-secret-1", theOneRevokeRequest().get("token"));
    }

    static Stream<Arguments> googleCannotConfirm() {
        return Stream.of(
                Arguments.of("503", aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html>Service Unavailable</html>")),
                Arguments.of("another 400", aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_request\"}")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("googleCannotConfirm")
    void whenGoogleCannotConfirmTheRunnerIsForgottenAnywayAndTheAnswerSaysSo(String what, ResponseDefinitionBuilder answer)
            throws Exception {
        connectedWithHeartRate("runner-1", "refresh-secret-1");
        googleRevokeAnswers(answer);

        JsonNode body = disconnectAndCheckForgotten("runner-1");
        assertTrue(body.path("revokedAtProvider").isBoolean());
        assertFalse(body.path("revokedAtProvider").asBoolean());
        assertEquals("refresh-secret-1", theOneRevokeRequest().get("token"));
    }

    @Test
    void withNothingToRevokeDisconnectStillSucceeds() throws Exception {
        googleRevokeAnswers(aResponse().withStatus(200));
        assertFalse(disconnectAndCheckForgotten("runner-without-link").path("revokedAtProvider").asBoolean(true));

        connectedWithHeartRate("runner-1", null);
        assertFalse(disconnectAndCheckForgotten("runner-1").path("revokedAtProvider").asBoolean(true));
        google.verify(0, postRequestedFor(urlPathEqualTo("/revoke")));
    }

    @Test
    void tokensSealedUnderAnotherKeyAreForgottenWithoutARevokeCall() throws Exception {
        connectedWithHeartRate("runner-1", "refresh-secret-1");
        // Rewrite the link with a key this deployment does not have: its tokens can no longer be opened.
        new DynamoProviderLinkStore(dynamo, "links", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("other-key")))
                .save(new ProviderLink("runner-1", Provider.GOOGLE_HEALTH, "hu-42", "access-secret-1", Instant.now(),
                        "refresh-secret-1", null, LinkStatus.CONNECTED, 2));
        googleRevokeAnswers(aResponse().withStatus(200));

        assertFalse(disconnectAndCheckForgotten("runner-1").path("revokedAtProvider").asBoolean(true));
        google.verify(0, postRequestedFor(urlPathEqualTo("/revoke")));
    }

    @Test
    void theSampleDisconnectEventNeedsASignedInRunnerAndInTheLocalDemoDisconnectsTheDemoRunner() throws Exception {
        APIGatewayV2HTTPEvent sample = EventLoader.loadApiGatewayHttpEvent("../../events/auth/google-health-disconnect.json");
        connectedWithHeartRate("demo-runner", "refresh-secret-demo");
        googleRevokeAnswers(aResponse().withStatus(200));

        assertEquals(401, handler.handleRequest(sample, null).getStatusCode(), "no session cookie");
        assertTrue(links.find("demo-runner", Provider.GOOGLE_HEALTH).isPresent());
        google.verify(0, postRequestedFor(urlPathEqualTo("/revoke")));

        AuthHandler demo = new AuthHandler(new AuthComponents(new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), Clock.systemUTC(), true),
                SESSION_KEY, new DynamoOAuthStateStore(dynamo, "states"), List.of(flow), "/dashboard", Clock.systemUTC(), new SecureRandom(),
                com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));
        APIGatewayV2HTTPResponse response = demo.handleRequest(sample, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(Json.MAPPER.readTree(response.getBody()).path("revokedAtProvider").asBoolean());
        assertTrue(links.find("demo-runner", Provider.GOOGLE_HEALTH).isEmpty());
        assertEquals("refresh-secret-demo", theOneRevokeRequest().get("token"));
    }
}

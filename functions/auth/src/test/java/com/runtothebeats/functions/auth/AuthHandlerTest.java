package com.runtothebeats.functions.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.spotify.SpotifyAppCredentials;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyEndpoints;
import com.runtothebeats.providers.spotify.SpotifyHttpTransport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sign-in with Spotify through the Auth function, against WireMock as Spotify and DynamoDB Local. */
class AuthHandlerTest {

    static final byte[] SESSION_SECRET = "session-secret-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final URI REDIRECT = URI.create("http://127.0.0.1:3000/auth/spotify/callback");

    @TempDir
    Path stateDir;

    AmazonDynamoDBLocal local;
    DynamoDbClient dynamo;
    DynamoProviderLinkStore links;
    DynamoRunnerStore runners;
    DynamoOAuthStateStore states;
    WireMockServer spotify;
    SpotifyEndpoints endpoints;
    Instant now = Instant.now();

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "links");
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners");
        TemplateTables.createProjectTable(dynamo, "OAuthStatesTable", "states");
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "sessions");
        links = new DynamoProviderLinkStore(dynamo, "links", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("token.key")));
        runners = new DynamoRunnerStore(dynamo, "runners");
        states = new DynamoOAuthStateStore(dynamo, "states");
        spotify = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        spotify.start();
        URI base = URI.create("http://127.0.0.1:" + spotify.port());
        endpoints = new SpotifyEndpoints(base, base);
    }

    @AfterEach
    void stop() {
        spotify.stop();
        local.shutdownNow();
    }

    SessionCookies sessions(boolean demo) {
        return new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), Clock.fixed(now, ZoneOffset.UTC), demo);
    }

    AuthHandler handler(boolean withSpotify, boolean demo) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SecureRandom random = new SecureRandom();
        List<ConnectFlow> flows = !withSpotify ? List.of() : List.of(new SpotifyConnectFlow(
                new SpotifyAuthorization(new SpotifyAppCredentials("test-client-id", null, REDIRECT),
                        new SpotifyHttpTransport(HttpClient.newHttpClient(), endpoints, Duration.ofSeconds(5)), clock),
                links, runners, clock, random));
        return new AuthHandler(new AuthComponents(sessions(demo), SESSION_SECRET, states, flows, "/dashboard", clock, random,
                com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));
    }

    static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> query, List<String> cookies) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setQueryStringParameters(query);
        event.setCookies(cookies);
        event.setHeaders(new HashMap<>());
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Spotify accepts {@code code} for the user {@code userId}, whose {@code account_id} is {@code "acc-" + userId}. */
    void spotifyAccepts(String code, String userId, String displayName, String accessToken) {
        spotifyAccepts(code, userId, "acc-" + userId, displayName, accessToken);
    }

    /** As above with the given {@code account_id}; null leaves it out of {@code GET /v1/me}. */
    void spotifyAccepts(String code, String userId, String accountId, String displayName, String accessToken) {
        spotifyGrants(code, accessToken, SpotifyAuthorization.SCOPES);
        spotify.stubFor(get(urlPathEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + userId + "\",\"display_name\":\"" + displayName + "\","
                                + (accountId == null ? "" : "\"account_id\":\"" + accountId + "\",")
                                + "\"type\":\"user\",\"uri\":\"spotify:user:" + userId + "\",\"external_urls\":{},\"followers\":{\"total\":0}}")));
    }

    /** Spotify's token endpoint answers {@code code} with tokens for {@code scope}. */
    void spotifyGrants(String code, String accessToken, String scope) {
        spotify.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"refresh_token\":\"refresh-" + accessToken + "\",\"scope\":\"" + scope + "\"}")));
    }

    @Test
    void aSpotifyGrantWithoutEveryScopeSignsNobodyInAndStoresNothing() {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        spotifyGrants("code-1", "access-token-1", "playlist-modify-private playlist-modify-public user-read-private");

        APIGatewayV2HTTPResponse callback = signIn(handler(true, false), "code-1", null);

        assertEquals(302, callback.getStatusCode());
        assertEquals("/dashboard?connect=spotify&error=missing_scopes&missing="
                + URLEncoder.encode("playlist-read-private playlist-read-collaborative user-library-read", StandardCharsets.UTF_8),
                callback.getHeaders().get("Location"));
        assertNull(cookieValue(callback, "__Host-beats_session"), "nobody signed in");
        assertTrue(links.findByExternalUser(Provider.SPOTIFY, "acc-spotify-user-1").isEmpty(), "no half-working link");
        assertEquals(0, dynamo.scan(r -> r.tableName("runners")).count());
    }

    @Test
    void aSpotifyAccountNotOnTheDevelopmentModeAllowlistGetsItsOwnAnswer() {
        spotifyGrants("code-1", "access-token-1", SpotifyAuthorization.SCOPES);
        // What Spotify answers a development-mode app for an account missing from its User Management list.
        spotify.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"status\":403,\"message\":\"User not registered in the Developer Dashboard\"}}")));

        APIGatewayV2HTTPResponse callback = signIn(handler(true, false), "code-1", null);

        assertEquals(302, callback.getStatusCode(), "not a 502 'Spotify could not be reached'");
        assertEquals("/dashboard?connect=spotify&error=spotify_user_not_allowed", callback.getHeaders().get("Location"));
        assertNull(cookieValue(callback, "__Host-beats_session"));
        assertEquals(0, dynamo.scan(r -> r.tableName("links")).count());
    }

    /** Start + callback as the browser would do them; returns the callback response. */
    APIGatewayV2HTTPResponse signIn(AuthHandler handler, String code, List<String> cookies) {
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/spotify/start", null, cookies), null);
        assertEquals(302, start.getStatusCode());
        Map<String, String> authorize = query(start.getHeaders().get("Location"));
        return handler.handleRequest(request("GET", "/auth/spotify/callback",
                Map.of("code", code, "state", authorize.get("state")), withSetCookies(cookies, start)), null);
    }

    /** The browser's cookies after {@code response}: {@code cookies} plus those it set (name=value). */
    static List<String> withSetCookies(List<String> cookies, APIGatewayV2HTTPResponse response) {
        List<String> jar = new ArrayList<>(cookies == null ? List.of() : cookies);
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> jar.add(0, cookie.substring(0, cookie.indexOf(';'))));
        }
        return jar;
    }

    static String cookieValue(APIGatewayV2HTTPResponse response, String name) {
        return response.getCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElse(null);
    }

    @Test
    void startRedirectsToSpotifyWithPkceStateAndScopes() {
        APIGatewayV2HTTPResponse response = handler(true, false).handleRequest(request("GET", "/auth/spotify/start", null, null), null);

        assertEquals(302, response.getStatusCode());
        URI location = URI.create(response.getHeaders().get("Location"));
        assertEquals("127.0.0.1", location.getHost(), "the accounts base URL is configurable");
        assertEquals("/authorize", location.getPath());
        Map<String, String> query = query(location.toString());
        assertEquals("test-client-id", query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(REDIRECT.toString(), query.get("redirect_uri"));
        assertEquals("playlist-modify-private playlist-modify-public playlist-read-private playlist-read-collaborative user-library-read user-read-private", query.get("scope"));
        assertTrue(query.get("state").length() >= 32);
        assertEquals(43, query.get("code_challenge").length(), "base64url SHA-256");
    }

    @Test
    void theCallbackExchangesTheCodeCreatesTheRunnerStoresTheLinkAndSignsIn() {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        AuthHandler handler = handler(true, false);

        APIGatewayV2HTTPResponse callback = signIn(handler, "code-1", null);

        assertEquals(302, callback.getStatusCode(), callback.getBody());
        assertEquals("/dashboard?connected=spotify", callback.getHeaders().get("Location"));
        String session = cookieValue(callback, "__Host-beats_session");
        assertNotNull(cookieValue(callback, "__Host-beats_csrf"));
        String runnerId = sessions(false).signedInRunner(request("GET", "/api/me", null, List.of("__Host-beats_session=" + session))).orElseThrow();
        assertEquals("Ada Runner", runners.find(runnerId).orElseThrow().displayName());
        ProviderLink link = links.find(runnerId, Provider.SPOTIFY).orElseThrow();
        assertEquals("acc-spotify-user-1", link.externalUserId(), "keyed by account_id, Spotify's stable key");
        assertEquals("spotify-user-1", link.profileId(), "the id playlists show as owner.id, kept beside it");
        assertEquals(runnerId, links.findByExternalUser(Provider.SPOTIFY, "acc-spotify-user-1").orElseThrow().runnerId());
        assertTrue(links.findByExternalUser(Provider.SPOTIFY, "spotify-user-1").isEmpty());
        assertEquals("refresh-access-token-1", link.refreshToken());
        assertEquals(LinkStatus.CONNECTED, link.status());
        // The code exchange proved possession of the PKCE verifier that matches the challenge we sent.
        String exchange = spotify.findAll(postRequestedFor(urlPathEqualTo("/api/token"))).get(0).getBodyAsString();
        assertTrue(exchange.contains("code_verifier=") && exchange.contains("grant_type=authorization_code"));
    }

    @Test
    void signingInAgainWithTheSameSpotifyAccountFindsTheSameRunner() {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        spotifyAccepts("code-2", "spotify-user-1", "Ada R.", "access-token-2");
        AuthHandler handler = handler(true, false);
        String first = cookieValue(signIn(handler, "code-1", null), "__Host-beats_session");
        String second = cookieValue(signIn(handler, "code-2", null), "__Host-beats_session");
        SessionCookies sessions = sessions(false);
        String firstRunner = sessions.signedInRunner(request("GET", "/", null, List.of("__Host-beats_session=" + first))).orElseThrow();
        assertEquals(firstRunner, sessions.signedInRunner(request("GET", "/", null, List.of("__Host-beats_session=" + second))).orElseThrow());
        assertEquals("Ada R.", runners.find(firstRunner).orElseThrow().displayName());
        assertEquals(2, links.find(firstRunner, Provider.SPOTIFY).orElseThrow().version());
    }

    String runnerSignedInBy(APIGatewayV2HTTPResponse callback) {
        assertEquals(302, callback.getStatusCode(), callback.getBody());
        return sessions(false).signedInRunner(request("GET", "/", null,
                List.of("__Host-beats_session=" + cookieValue(callback, "__Host-beats_session")))).orElseThrow();
    }

    /** The runner ids the ExternalUserIndex itself holds for {@code spotify#<key>}. */
    List<String> indexed(String key) {
        return dynamo.query(r -> r.tableName("links").indexName(DynamoProviderLinkStore.EXTERNAL_USER_INDEX)
                        .keyConditionExpression("providerUser = :pu")
                        .expressionAttributeValues(Map.of(":pu", AttributeValue.fromS("spotify#" + key))))
                .items().stream().map(item -> item.get("runnerId").s()).toList();
    }

    /** A link as sign-in stored it before account_id keying: the Spotify id as external user id, nothing beside it. */
    void linkedBeforeAccountIdKeying(String runnerId, String spotifyUserId) {
        runners.saveProfile(runnerId, "Ada Runner", now.minus(Duration.ofDays(90)));
        links.save(new ProviderLink(runnerId, Provider.SPOTIFY, spotifyUserId, "old-access", now.minus(Duration.ofDays(1)),
                "old-refresh", "playlist-modify-private", LinkStatus.CONNECTED, 3));
    }

    @Test
    void aRunnerLinkedByTheOldSpotifyIdKeepsTheirRunnerAndTheLinkMovesToTheAccountId() {
        linkedBeforeAccountIdKeying("r-connected-in-2025", "spotify-user-1");
        spotifyAccepts("code-1", "spotify-user-1", "Ada R.", "access-token-1");
        spotifyAccepts("code-2", "spotify-user-1", "Ada R.", "access-token-2");
        AuthHandler handler = handler(true, false);

        List<String> logged = capturingConnectFlowLog(() ->
                assertEquals("r-connected-in-2025", runnerSignedInBy(signIn(handler, "code-1", null)), "no second runner"));

        assertEquals(1, dynamo.scan(b -> b.tableName("runners")).count());
        assertEquals(1, dynamo.scan(b -> b.tableName("links")).count());
        ProviderLink link = links.find("r-connected-in-2025", Provider.SPOTIFY).orElseThrow();
        assertEquals("acc-spotify-user-1", link.externalUserId());
        assertEquals("spotify-user-1", link.profileId());
        assertEquals("refresh-access-token-1", link.refreshToken());
        assertEquals(4, link.version());
        assertEquals(List.of(), indexed("spotify-user-1"), "the old key's index entry does not linger");
        assertEquals(List.of("r-connected-in-2025"), indexed("acc-spotify-user-1"));
        assertEquals(List.of("re-keying runner r-connected-in-2025's Spotify link from the user id to account_id"), logged);

        assertEquals("r-connected-in-2025", runnerSignedInBy(signIn(handler, "code-2", null)), "now found by account_id");
        assertEquals(5, links.find("r-connected-in-2025", Provider.SPOTIFY).orElseThrow().version());
        assertEquals(1, dynamo.scan(b -> b.tableName("links")).count());
    }

    @Test
    void twoSpotifyAccountsNeverShareARunner() {
        spotifyAccepts("code-a", "ada.runs", "acc-ada", "Ada", "access-a");
        spotifyAccepts("code-b", "bo.runs", "acc-bo", "Bo", "access-b");
        AuthHandler handler = handler(true, false);
        String ada = runnerSignedInBy(signIn(handler, "code-a", null));
        String bo = runnerSignedInBy(signIn(handler, "code-b", null));
        assertNotEquals(ada, bo);

        // An account whose account_id is the id another runner's old link is keyed by is not that runner,
        linkedBeforeAccountIdKeying("r-old", "shared-7");
        spotifyAccepts("code-c", "cy.runs", "shared-7", "Cy", "access-c");
        spotifyAccepts("code-c2", "cy.runs", "shared-7", "Cy", "access-c2");
        String cy = runnerSignedInBy(signIn(handler, "code-c", null));
        // nor is an account without account_id whose id is another runner's account_id.
        spotifyAccepts("code-d", "acc-ada", null, "Di", "access-d");
        String di = runnerSignedInBy(signIn(handler, "code-d", null));

        assertEquals(5, new HashSet<>(List.of(ada, bo, cy, di, "r-old")).size(), "five accounts, five runners");
        assertEquals(5, dynamo.scan(b -> b.tableName("links")).count());
        ProviderLink old = links.find("r-old", Provider.SPOTIFY).orElseThrow();
        assertEquals(List.of("shared-7", "old-refresh", 3L), List.of(old.externalUserId(), old.refreshToken(), old.version()),
                "the old link is untouched");
        ProviderLink adas = links.find(ada, Provider.SPOTIFY).orElseThrow();
        assertEquals(List.of("acc-ada", "refresh-access-a"), List.of(adas.externalUserId(), adas.refreshToken()));
        assertEquals(Set.of("r-old", cy), Set.copyOf(indexed("shared-7")), "one value, two kinds of key, two accounts");
        // Whichever of the two the index lists first, Cy's next sign-in finds Cy.
        assertEquals(cy, runnerSignedInBy(signIn(handler, "code-c2", null)));
        assertEquals("Ada Runner", runners.find("r-old").orElseThrow().displayName());
    }

    @Test
    void withoutAnAccountIdTheLinkIsKeyedByTheSpotifyIdUntilSpotifySendsOne() {
        spotifyAccepts("code-1", "spotify-user-1", null, "Ada Runner", "access-token-1");
        spotifyAccepts("code-2", "spotify-user-1", "acc-spotify-user-1", "Ada Runner", "access-token-2");
        AuthHandler handler = handler(true, false);

        List<String> logged = capturingConnectFlowLog(() -> assertNotNull(runnerSignedInBy(signIn(handler, "code-1", null))));
        String runner = links.findByExternalUser(Provider.SPOTIFY, "spotify-user-1").orElseThrow().runnerId();

        ProviderLink link = links.find(runner, Provider.SPOTIFY).orElseThrow();
        assertEquals("spotify-user-1", link.externalUserId(), "the id is the key while Spotify sends no account_id");
        assertEquals("spotify-user-1", link.profileId());
        assertEquals(List.of("Spotify sent no account_id for runner " + runner + ": their link is keyed by the Spotify user id"),
                logged, "the fallback is logged, with the runner id and nothing personal");

        assertEquals(runner, runnerSignedInBy(signIn(handler, "code-2", null)));
        assertEquals("acc-spotify-user-1", links.find(runner, Provider.SPOTIFY).orElseThrow().externalUserId());
        assertEquals(List.of(), indexed("spotify-user-1"));
        assertEquals(1, dynamo.scan(b -> b.tableName("runners")).count());
    }

    /** The messages {@link SpotifyConnectFlow} logs while {@code action} runs. */
    static List<String> capturingConnectFlowLog(Runnable action) {
        List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("connect-flow-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLoggerName().equals(SpotifyConnectFlow.class.getName())) {
                    messages.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        try {
            action.run();
        } finally {
            context.getConfiguration().getRootLogger().removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
        }
        return List.copyOf(messages);
    }

    @Test
    void aStateIsGoodOnceAndUnknownStatesAreRefused() {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        AuthHandler handler = handler(true, false);
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        String state = query(start.getHeaders().get("Location")).get("state");
        Map<String, String> callback = Map.of("code", "code-1", "state", state);
        List<String> browser = withSetCookies(null, start);

        assertEquals(302, handler.handleRequest(request("GET", "/auth/spotify/callback", callback, browser), null).getStatusCode());
        APIGatewayV2HTTPResponse replay = handler.handleRequest(request("GET", "/auth/spotify/callback", callback, browser), null);
        assertEquals(400, replay.getStatusCode());
        assertTrue(replay.getBody().contains("\"field\":\"state\""));
        APIGatewayV2HTTPResponse forged = handler.handleRequest(request("GET", "/auth/spotify/callback",
                Map.of("code", "code-1", "state", "made-up"), browser), null);
        assertEquals(403, forged.getStatusCode(), "the browser's binding is for another state");
        assertEquals(1, spotify.findAll(postRequestedFor(urlPathEqualTo("/api/token"))).size());
    }

    @Test
    void anExpiredStateIsRefused() {
        states.save(new com.runtothebeats.core.identity.OAuthState("old-state", Provider.SPOTIFY, null,
                Pkce.generate(new SecureRandom()).verifier(), now.minusSeconds(1)));
        String binding = new OAuthBrowserBinding(SESSION_SECRET, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC))
                .cookie(Provider.SPOTIFY, "old-state");
        APIGatewayV2HTTPResponse response = handler(true, false).handleRequest(request("GET", "/auth/spotify/callback",
                Map.of("code", "c", "state", "old-state"), List.of(binding.substring(0, binding.indexOf(';')))), null);
        assertEquals(400, response.getStatusCode());
    }

    @Test
    void aCallbackCompletedInAnotherBrowserIs403AndChangesNothing() {
        spotifyAccepts("code-1", "victim", "Victim", "access-victim");
        AuthHandler handler = handler(true, false);
        // The attacker starts a sign-in in their browser and sends the victim the authorize URL.
        APIGatewayV2HTTPResponse attackersStart = handler.handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        String state = query(attackersStart.getHeaders().get("Location")).get("state");
        APIGatewayV2HTTPResponse othersStart = handler.handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        Map<String, String> callback = Map.of("code", "code-1", "state", state);

        for (List<String> victimsBrowser : List.of(List.<String>of(), withSetCookies(null, othersStart),
                List.of(OAuthBrowserBinding.cookieName(Provider.SPOTIFY) + "=" + (now.getEpochSecond() + 60) + ".forged"))) {
            APIGatewayV2HTTPResponse refused = handler.handleRequest(request("GET", "/auth/spotify/callback", callback,
                    victimsBrowser.isEmpty() ? null : victimsBrowser), null);
            assertEquals(403, refused.getStatusCode(), refused.getBody());
            assertTrue(refused.getBody().contains("\"code\":\"browser_mismatch\""), refused.getBody());
            assertEquals(null, refused.getCookies(), "no session set");
        }
        assertEquals(0, spotify.findAll(postRequestedFor(urlPathEqualTo("/api/token"))).size(), "the code was never exchanged");
        assertEquals(0, dynamo.scan(b -> b.tableName("links")).count(), "no token stored");
        assertEquals(0, dynamo.scan(b -> b.tableName("runners")).count());
        assertEquals(2, dynamo.scan(b -> b.tableName("states")).count(), "the attempt is not consumed by a refused callback");

        // The browser that started the attempt still completes it.
        assertEquals(302, handler.handleRequest(request("GET", "/auth/spotify/callback", callback,
                withSetCookies(null, attackersStart)), null).getStatusCode());
    }

    @Test
    void theBrowserBindingIsAShortLivedSignedHostCookie() {
        AuthHandler handler = handler(true, false);
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        String state = query(start.getHeaders().get("Location")).get("state");
        assertEquals(1, start.getCookies().size());
        String cookie = start.getCookies().get(0);
        assertTrue(cookie.matches("__Host-beats_oauth_spotify=" + (now.getEpochSecond() + 600)
                + "\\.[A-Za-z0-9_-]{43}; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax"), cookie);

        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        OAuthBrowserBinding later = new OAuthBrowserBinding(SESSION_SECRET, Duration.ofMinutes(10),
                Clock.fixed(now.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        com.runtothebeats.lambda.session.RequestCookies jar = com.runtothebeats.lambda.session.RequestCookies.of(
                request("GET", "/", null, List.of(cookie.substring(0, cookie.indexOf(';')))));
        OAuthBrowserBinding sameTime = new OAuthBrowserBinding(SESSION_SECRET, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
        assertTrue(sameTime.startedHere(Provider.SPOTIFY, state, jar));
        assertTrue(!sameTime.startedHere(Provider.GOOGLE_HEALTH, state, jar), "one provider's binding is not another's");
        assertTrue(!later.startedHere(Provider.SPOTIFY, state, jar), "expired with the state");
        String longer = (now.getEpochSecond() + 6000) + value.substring(value.indexOf('.'));
        assertTrue(!sameTime.startedHere(Provider.SPOTIFY, state, com.runtothebeats.lambda.session.RequestCookies.of(
                request("GET", "/", null, List.of("__Host-beats_oauth_spotify=" + longer)))), "the expiry is signed");
    }

    @Test
    void aDeclinedConsentGoesBackToTheAppWithTheReason() {
        AuthHandler handler = handler(true, false);
        APIGatewayV2HTTPResponse start = handler.handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        String state = query(start.getHeaders().get("Location")).get("state");
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("GET", "/auth/spotify/callback",
                Map.of("error", "access_denied", "state", state), withSetCookies(null, start)), null);
        assertEquals(302, response.getStatusCode());
        assertEquals("/dashboard?connect=spotify&error=access_denied", response.getHeaders().get("Location"));
        assertEquals(List.of("__Host-beats_oauth_spotify=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax"),
                response.getCookies(), "no session; only the spent binding is removed");
    }

    @Test
    void aRefusedCodeIsA400AndNothingIsStored() {
        spotify.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}")));
        APIGatewayV2HTTPResponse response = signIn(handler(true, false), "bad-code", null);
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("authorization_failed"));
        assertEquals(0, dynamo.scan(b -> b.tableName("links")).count());
        assertEquals(0, dynamo.scan(b -> b.tableName("runners")).count());
    }

    @Test
    void inDemoModeWithoutASpotifyAppStartSignsInTheDemoRunner() {
        APIGatewayV2HTTPResponse response = handler(false, true).handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        assertEquals(302, response.getStatusCode());
        String session = cookieValue(response, "__Host-beats_session");
        assertEquals("demo-runner", sessions(false).signedInRunner(request("GET", "/", null, List.of("__Host-beats_session=" + session))).orElseThrow());

        APIGatewayV2HTTPResponse notDemo = handler(false, false).handleRequest(request("GET", "/auth/spotify/start", null, null), null);
        assertEquals(409, notDemo.getStatusCode());
    }

    @Test
    void logoutExpiresTheSessionCookieAndDisconnectNeedsCsrf() {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        AuthHandler handler = handler(true, false);
        APIGatewayV2HTTPResponse signedIn = signIn(handler, "code-1", null);
        List<String> cookies = List.of("__Host-beats_session=" + cookieValue(signedIn, "__Host-beats_session"),
                "__Host-beats_csrf=" + cookieValue(signedIn, "__Host-beats_csrf"));

        APIGatewayV2HTTPResponse withoutHeader = handler.handleRequest(request("POST", "/auth/spotify/disconnect", null, cookies), null);
        assertEquals(403, withoutHeader.getStatusCode());

        APIGatewayV2HTTPEvent disconnect = request("POST", "/auth/spotify/disconnect", null, cookies);
        disconnect.getHeaders().put("x-csrf-token", cookieValue(signedIn, "__Host-beats_csrf"));
        APIGatewayV2HTTPResponse disconnected = handler.handleRequest(disconnect, null);
        assertEquals(200, disconnected.getStatusCode());
        assertEquals("{\"provider\":\"spotify\",\"status\":\"DISCONNECTED\",\"revokedAtProvider\":false}",
                disconnected.getBody(), "Spotify has no revocation endpoint: only the runner can remove the app there");
        assertEquals(0, dynamo.scan(b -> b.tableName("links")).count());

        APIGatewayV2HTTPEvent logout = request("POST", "/auth/logout", null, cookies);
        logout.getHeaders().put("x-csrf-token", cookieValue(signedIn, "__Host-beats_csrf"));
        APIGatewayV2HTTPResponse out = handler.handleRequest(logout, null);
        assertEquals(200, out.getStatusCode());
        assertTrue(out.getCookies().get(0).startsWith("__Host-beats_session=;") && out.getCookies().get(0).contains("Max-Age=0"));
        assertTrue(sessions(false).signedInRunner(request("GET", "/api/me", null, cookies)).isEmpty(),
                "the session is over, not only the cookie: a copy of it signs nobody in");
        assertEquals(0, dynamo.scan(b -> b.tableName("sessions")).count());
    }

    @Test
    void signingOutEverywhereEndsTheRunnersSessionsInEveryBrowser() throws Exception {
        spotifyAccepts("code-1", "spotify-user-1", "Ada Runner", "access-token-1");
        spotifyAccepts("code-2", "spotify-user-1", "Ada Runner", "access-token-2");
        spotifyAccepts("code-3", "spotify-user-3", "Bo Runner", "access-token-3");
        AuthHandler handler = handler(true, false);
        APIGatewayV2HTTPResponse phone = signIn(handler, "code-1", null);
        APIGatewayV2HTTPResponse laptop = signIn(handler, "code-2", null);
        APIGatewayV2HTTPResponse someoneElse = signIn(handler, "code-3", null);
        List<String> laptopCookies = List.of("__Host-beats_session=" + cookieValue(laptop, "__Host-beats_session"),
                "__Host-beats_csrf=" + cookieValue(laptop, "__Host-beats_csrf"));

        APIGatewayV2HTTPResponse forged = handler.handleRequest(request("POST", "/auth/logout/everywhere", null, laptopCookies), null);
        assertEquals(403, forged.getStatusCode(), "a state-changing request needs the CSRF header");
        APIGatewayV2HTTPEvent everywhere = request("POST", "/auth/logout/everywhere", null, laptopCookies);
        everywhere.getHeaders().put("x-csrf-token", cookieValue(laptop, "__Host-beats_csrf"));
        APIGatewayV2HTTPResponse out = handler.handleRequest(everywhere, null);

        assertEquals(200, out.getStatusCode(), out.getBody());
        com.fasterxml.jackson.databind.JsonNode body = com.runtothebeats.lambda.Json.MAPPER.readTree(out.getBody());
        assertEquals(2, body.path("sessionsEnded").asInt(), "the phone's and the laptop's");
        assertTrue(body.path("signedOut").asBoolean());
        for (APIGatewayV2HTTPResponse browser : List.of(phone, laptop)) {
            assertTrue(sessions(false).signedInRunner(request("GET", "/api/me", null,
                    List.of("__Host-beats_session=" + cookieValue(browser, "__Host-beats_session")))).isEmpty());
        }
        assertTrue(sessions(false).signedInRunner(request("GET", "/api/me", null,
                List.of("__Host-beats_session=" + cookieValue(someoneElse, "__Host-beats_session")))).isPresent());
        assertEquals(401, handler.handleRequest(request("POST", "/auth/logout/everywhere", null, null), null).getStatusCode());
    }

    @Test
    void unknownProvidersAndRoutesAre404() {
        AuthHandler handler = handler(true, false);
        assertEquals(404, handler.handleRequest(request("GET", "/auth/fitbit/start", null, null), null).getStatusCode());
        assertEquals(404, handler.handleRequest(request("GET", "/auth/spotify/elsewhere", null, null), null).getStatusCode());
        assertNotEquals(500, handler.handleRequest(request("GET", "/auth/spotify/callback", null, null), null).getStatusCode());
    }

    @Test
    void theSampleEventsParseAndBehave() {
        Path events = Path.of("../../events/auth");
        APIGatewayV2HTTPResponse start = handler(true, false).handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("spotify-start.json").toString()), null);
        assertEquals(302, start.getStatusCode());
        assertTrue(start.getHeaders().get("Location").contains("code_challenge_method=S256"));
        APIGatewayV2HTTPResponse demoStart = handler(false, true).handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("spotify-start.json").toString()), null);
        assertTrue(cookieValue(demoStart, "__Host-beats_session").startsWith("demo-runner."));
        for (String fromAnotherBrowser : List.of("spotify-callback-unknown-state.json", "spotify-callback-declined.json")) {
            APIGatewayV2HTTPResponse callback = handler(true, false).handleRequest(
                    EventLoader.loadApiGatewayHttpEvent(events.resolve(fromAnotherBrowser).toString()), null);
            assertEquals(403, callback.getStatusCode(), fromAnotherBrowser + ": no browser binding for its state");
        }
        APIGatewayV2HTTPResponse logout = handler(true, false).handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("logout.json").toString()), null);
        assertEquals(200, logout.getStatusCode());
        assertEquals(401, handler(true, false).handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("logout-everywhere.json").toString()), null).getStatusCode(),
                "signed out: nobody to sign out everywhere");
    }
}

package com.runtothebeats.functions.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.publishing.DynamoPublicationStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.publishing.PlaylistPublisher;
import com.runtothebeats.functions.auth.AuthComponents;
import com.runtothebeats.functions.auth.AuthHandler;
import com.runtothebeats.functions.auth.SpotifyConnectFlow;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.spotify.SpotifyAppCredentials;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyHttpTransport;
import com.runtothebeats.providers.spotify.SpotifyPlaylists;
import com.runtothebeats.providers.spotify.SpotifyTokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A full sign-in and a publish that needs a token refresh and rides out a 429, with every logger of ours,
 * the Spotify library's (java.util.logging) and the AWS SDK's turned up to the most verbose level: no
 * token, code, verifier, secret or session signature may appear in any captured line.
 */
class SecretsNeverLoggedTest {

    static final String SESSION_SECRET = "session-secret-never-logged-0123456789";
    static final String CLIENT_SECRET = "client-secret-never-logged";
    static final String CODE = "authorization-code-never-logged";
    static final String FIRST_ACCESS = "access-token-first-never-logged";
    static final String FIRST_REFRESH = "refresh-token-first-never-logged";
    static final String SECOND_ACCESS = "access-token-second-never-logged";
    static final String SECOND_REFRESH = "refresh-token-second-never-logged";

    @TempDir
    Path stateDir;

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    AbstractAppender appender;
    Handler julHandler;
    java.util.logging.Level julRootLevel;
    AmazonDynamoDBLocal local;
    SpotifyStandIn spotify;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.addAppender(appender, Level.ALL, null);
            logger.setLevel(Level.ALL);
        }
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getRootLogger().setLevel(Level.ALL);
        // DynamoDB Local is the stand-in, not our code; its own trace logging only slows the test down.
        config.addLogger("com.amazonaws.services.dynamodbv2", LoggerConfig.newBuilder().withLoggerName("com.amazonaws.services.dynamodbv2")
                .withLevel(Level.WARN).withAdditivity(true).withConfig(config).build());
        context.updateLoggers();

        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        julRootLevel = root.getLevel();
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                String message = record.getMessage();
                if (parameters != null) {
                    message = java.text.MessageFormat.format(message, parameters);
                }
                lines.add(record.getLoggerName() + " " + message + (record.getThrown() != null ? " | " + record.getThrown() : ""));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        julHandler.setLevel(java.util.logging.Level.ALL);
        root.addHandler(julHandler);
        root.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger.getLogger("se.michaelthelin").setLevel(java.util.logging.Level.ALL);
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender("capture");
        for (LoggerConfig logger : context.getConfiguration().getLoggers().values()) {
            logger.removeAppender("capture");
            logger.setLevel(Level.ERROR);
        }
        context.getConfiguration().getRootLogger().setLevel(Level.ERROR);
        context.updateLoggers();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.removeHandler(julHandler);
        root.setLevel(julRootLevel);
        if (spotify != null) {
            spotify.close();
        }
        if (local != null) {
            local.shutdownNow();
        }
    }

    @Test
    void aFullSignInAndPublishLogsNoSecret() {
        local = DynamoDBEmbedded.create();
        DynamoDbClient dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "links");
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners");
        TemplateTables.createProjectTable(dynamo, "OAuthStatesTable", "states");
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "sessions");
        PublishHandlerTest.createPublicationsTable(dynamo, "publications");
        DynamoProviderLinkStore links = new DynamoProviderLinkStore(dynamo, "links",
                LocalKeyFileCipher.fromKeyFile(stateDir.resolve("token.key")));
        spotify = new SpotifyStandIn();
        spotify.server.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=authorization_code"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + FIRST_ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"refresh_token\":\"" + FIRST_REFRESH + "\",\"scope\":\"" + com.runtothebeats.providers.spotify.SpotifyAuthorization.SCOPES + "\"}")));
        spotify.server.stubFor(post(urlPathEqualTo("/api/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SECOND_ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"refresh_token\":\"" + SECOND_REFRESH + "\",\"scope\":\"" + com.runtothebeats.providers.spotify.SpotifyAuthorization.SCOPES + "\"}")));
        spotify.server.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"spotify-user-9\",\"display_name\":\"Ada\",\"account_id\":\"acc-spotify-user-9\"}")));
        spotify.playlistCreation();
        spotify.itemAdditions();
        spotify.server.stubFor(post(urlPathEqualTo("/v1/playlists/" + SpotifyStandIn.PLAYLIST_ID + "/items"))
                .withRequestBody(matchingJsonPath("$.position", equalTo("100")))
                .inScenario("429").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        Instant signInTime = Instant.now();
        Clock signInClock = Clock.fixed(signInTime, ZoneOffset.UTC);
        SpotifyHttpTransport transport = new SpotifyHttpTransport(HttpClient.newHttpClient(), spotify.endpoints(), Duration.ofSeconds(5));
        SpotifyAppCredentials app = new SpotifyAppCredentials("client-id", CLIENT_SECRET, URI.create("http://127.0.0.1:3000/auth/spotify/callback"));
        SessionCookies sessions = new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), signInClock, false);
        SecureRandom random = new SecureRandom();
        AuthHandler auth = new AuthHandler(new AuthComponents(sessions, SESSION_SECRET.getBytes(StandardCharsets.UTF_8), new DynamoOAuthStateStore(dynamo, "states"),
                List.of(new SpotifyConnectFlow(new SpotifyAuthorization(app, transport, signInClock), links,
                        new DynamoRunnerStore(dynamo, "runners"), signInClock, random)), "/dashboard", signInClock, random,
                com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));

        APIGatewayV2HTTPResponse start = auth.handleRequest(event("GET", "/auth/spotify/start", null, List.of(), Map.of()), null);
        Map<String, String> authorize = AuthQuery.of(start.getHeaders().get("Location"));
        APIGatewayV2HTTPResponse callback = auth.handleRequest(event("GET", "/auth/spotify/callback",
                Map.of("code", CODE, "state", authorize.get("state")),
                start.getCookies().stream().map(cookie -> cookie.split(";")[0]).toList(), Map.of()), null);
        assertEquals(302, callback.getStatusCode(), callback.getBody());
        String sessionCookie = cookie(callback, "__Host-beats_session");
        String csrf = cookie(callback, "__Host-beats_csrf");

        // Two hours later the access token has expired: the publish refreshes it first.
        Clock later = Clock.fixed(signInTime.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        SpotifyAuthorization refreshing = new SpotifyAuthorization(app, transport, later);
        List<Duration> pauses = new ArrayList<>();
        SpotifyPlaylists destination = new SpotifyPlaylists(transport, links, new TokenRefresher(links,
                new SpotifyTokenEndpoint(refreshing), LinkStatus.RECONNECT_REQUIRED, later, pauses::add), pauses::add);
        PublishHandler publish = new PublishHandler(new PublishComponents(
                new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), later, false),
                new PlaylistPublisher(new DynamoPublicationStore(dynamo, "publications"), destination, later), false,
                com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(Map.of()))));
        APIGatewayV2HTTPResponse published = publish.handleRequest(event("POST", "/api/playlists", null,
                List.of("__Host-beats_session=" + sessionCookie, "__Host-beats_csrf=" + csrf),
                Map.of("x-csrf-token", csrf, "idempotency-key", "log-test-1"), PublishHandlerTest.body(PublishHandlerTest.trackIds(150))), null);
        assertEquals(201, published.getStatusCode(), published.getBody());
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
        assertEquals(2, spotify.requests("POST", "/api/token").size(), "one exchange and one refresh");

        String verifier = AuthQuery.form(spotify.requests("POST", "/api/token").get(0).getBodyAsString()).get("code_verifier");
        String sessionSignature = sessionCookie.substring(sessionCookie.lastIndexOf('.') + 1);
        List<String> secrets = List.of(SESSION_SECRET, CLIENT_SECRET, CODE, FIRST_ACCESS, FIRST_REFRESH, SECOND_ACCESS,
                SECOND_REFRESH, verifier, sessionSignature, csrf);
        List<String> captured;
        synchronized (lines) {
            captured = new ArrayList<>(lines);
        }
        assertFalse(captured.isEmpty(), "the capture works: our handlers log");
        assertTrue(captured.stream().anyMatch(l -> l.contains("published playlist")));
        for (String line : captured) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret leaked into: " + line);
            }
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> query, List<String> cookies,
                                               Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setQueryStringParameters(query);
        event.setCookies(cookies);
        event.setHeaders(new HashMap<>(headers));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> query, List<String> cookies,
                                               Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent event = event(method, path, query, cookies, headers);
        event.setBody(body);
        return event;
    }

    private static String cookie(APIGatewayV2HTTPResponse response, String name) {
        return response.getCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }

    /** Query strings and form bodies. */
    static final class AuthQuery {
        static Map<String, String> of(String url) {
            return form(URI.create(url).getRawQuery());
        }

        static Map<String, String> form(String raw) {
            Map<String, String> values = new HashMap<>();
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return values;
        }
    }
}

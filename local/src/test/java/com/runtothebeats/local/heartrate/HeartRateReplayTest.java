package com.runtothebeats.local.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoLinkStatuses;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.heartrate.HeartRateSync;
import com.runtothebeats.core.heartrate.RecordedRun;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.functions.auth.AuthComponents;
import com.runtothebeats.functions.auth.AuthHandler;
import com.runtothebeats.functions.auth.GoogleHealthConnectFlow;
import com.runtothebeats.functions.healthsync.HealthSyncComponents;
import com.runtothebeats.functions.healthsync.HealthSyncHandler;
import com.runtothebeats.functions.healthwebhook.HealthWebhookComponents;
import com.runtothebeats.functions.healthwebhook.HealthWebhookHandler;
import com.runtothebeats.functions.runner.RunnerComponents;
import com.runtothebeats.functions.runner.RunnerHandler;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.DynamoDbStreamEventSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The 47-minute fenix2 run played through the real handlers in this process: the Auth function's Google
 * Health connect against the stand-in, the webhook, the notifications table's stream in DynamoDB Local
 * driving the sync, and the runner API reading the result.
 */
class HeartRateReplayTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../shared/data"));
    private static final String SECRET = "local-webhook-secret";

    @TempDir
    Path stateDir;

    private DynamoDbLocalServer dynamoServer;
    private GoogleHealthStandIn standIn;
    private DynamoDbStreamEventSource stream;
    private DynamoHeartRateSamples samples;
    private DynamoRunnerHeartRates states;
    private DynamoProviderLinkStore links;
    private GoogleOAuthClient oauth;
    private AuthHandler auth;
    private InProcessTarget target;

    @BeforeEach
    void startStack() {
        dynamoServer = DynamoDbLocalServer.inMemory();
        DynamoDbClient dynamo = dynamoServer.client();
        TemplateTables.createProjectTable(dynamo, "NotificationsTable", "NotificationsTable");
        TemplateTables.createProjectTable(dynamo, "HeartRateTable", "HeartRateTable");
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "RunnersTable");
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "ProviderLinksTable");
        TemplateTables.createProjectTable(dynamo, "OAuthStatesTable", "OAuthStatesTable");
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "SessionsTable");
        standIn = GoogleHealthStandIn.start(0, "local-demo-runner");
        links = new DynamoProviderLinkStore(dynamo, "ProviderLinksTable", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("token.key")));
        samples = new DynamoHeartRateSamples(dynamo, "HeartRateTable");
        states = new DynamoRunnerHeartRates(dynamo, "RunnersTable");
        GoogleEndpoints google = GoogleEndpoints.of(standIn.baseUrl().toString(), standIn.baseUrl().toString());
        oauth = new GoogleOAuthClient(google, "local-google-client", null, Clock.systemUTC());
        GoogleHealthClient health = new GoogleHealthClient(google.healthApi(), Pause.SLEEP);
        SessionCookies demoSessions = new SessionCookies(new DynamoSessionStore(dynamo, "SessionsTable"), Duration.ofDays(1), Clock.systemUTC(), true);

        Metrics metrics = FunctionMetrics.create(LambdaEnvironment.of(Map.of()));
        auth = new AuthHandler(new AuthComponents(demoSessions, new byte[32], new DynamoOAuthStateStore(dynamo, "OAuthStatesTable"),
                List.of(new GoogleHealthConnectFlow(google, "local-google-client",
                        "http://127.0.0.1:3000/auth/google-health/callback", oauth, health, links, samples, states)),
                "/dashboard", Clock.systemUTC(), new SecureRandom(), metrics));
        HealthWebhookHandler webhook = new HealthWebhookHandler(new HealthWebhookComponents(SECRET, Optional.empty(),
                new DynamoNotificationInbox(dynamo, "NotificationsTable", Clock.systemUTC()), metrics, Clock.systemUTC()));
        HealthSyncHandler sync = new HealthSyncHandler(new HealthSyncComponents(new HeartRateSync(links,
                new TokenRefresher(links, oauth, LinkStatus.DISCONNECTED, Clock.systemUTC(), Pause.SLEEP), health, samples, states),
                metrics));
        RunnerHandler runner = new RunnerHandler(new RunnerComponents(demoSessions, new DynamoRunnerStore(dynamo, "RunnersTable"),
                new DynamoLinkStatuses(dynamo, "ProviderLinksTable"), samples, states, false, Clock.systemUTC(), metrics));
        stream = new DynamoDbStreamEventSource(DynamoDbStreamEventSource.streamsClient(dynamoServer.endpoint()),
                DynamoDbStreamEventSource.streamArnOf(dynamo, "NotificationsTable"), 10, 3,
                event -> sync.handleRequest(event, null), failed -> { throw new AssertionError("sync failed for good: " + failed); });
        stream.start();
        target = new InProcessTarget(auth, webhook, runner);
    }

    @AfterEach
    void stopStack() {
        stream.close();
        standIn.close();
        dynamoServer.close();
    }

    @Test
    void theFortySevenMinuteFenixRunLeavesTheRunnerWithSamplesAndACurrentHeartRate() {
        RecordedRun run = RecordedRun.read(DATA.resolve("heart-rate/fitparse_activity-small-fenix2-run_records.csv"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        HeartRateReplay.Summary summary = new HeartRateReplay(target, standIn, SECRET, Clock.systemUTC(), Pause.SLEEP,
                new PrintStream(output, true, StandardCharsets.UTF_8))
                .play(run, 0, Duration.ofSeconds(60), Duration.ofSeconds(60));

        assertEquals(0, summary.rejected());
        assertEquals(48, summary.windows(), "47 min 13 s of readings, a notification a minute");
        assertEquals(Optional.of(117), summary.currentHeartRate(), "the run's last reading");
        assertEquals(LinkStatus.CONNECTED, links.find("demo-runner", Provider.GOOGLE_HEALTH).orElseThrow().status());
        assertEquals(2808, samples.between("demo-runner", summary.firstSample(), summary.lastSample().plusSeconds(1)).size(),
                "every reading stored once");
        RunnerHeartRate state = states.find("demo-runner").orElseThrow();
        int highest = run.readings().stream().mapToInt(RecordedRun.Reading::bpm).max().orElseThrow();
        assertEquals(Math.max(RunnerHeartRate.DEFAULT_MAX, highest), state.max());
        assertTrue(state.suggestedTargetTempo() >= 120 && state.suggestedTargetTempo() <= 185);
        assertTrue(summary.lastSample().isBefore(Instant.now()), "a replayed run lies in the past");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("117 bpm"));
    }

    @Test
    void disconnectingRevokesTheGrantAtTheStandIn() throws Exception {
        target.connect(standIn);
        String refreshToken = links.find("demo-runner", Provider.GOOGLE_HEALTH).orElseThrow().refreshToken();
        oauth.refresh(refreshToken);

        // the page repeats its CSRF cookie in a header on every write, the demo runner's included
        APIGatewayV2HTTPEvent disconnect = InProcessTarget.event("POST", "/auth/google-health/disconnect", null, Map.of(),
                Map.of("X-CSRF-Token", "page-token"));
        disconnect.setCookies(List.of("__Host-beats_csrf=page-token"));
        APIGatewayV2HTTPResponse disconnected = auth.handleRequest(disconnect, null);

        assertEquals(200, disconnected.getStatusCode(), disconnected.getBody());
        assertTrue(Json.MAPPER.readTree(disconnected.getBody()).path("revokedAtProvider").asBoolean());
        assertTrue(links.find("demo-runner", Provider.GOOGLE_HEALTH).isEmpty());
        assertThrows(ConsentRevokedException.class, () -> oauth.refresh(refreshToken), "the grant is over at Google");
    }

    /** The handlers of ./beats serve, called in this process with API Gateway payload v2 events. */
    private static final class InProcessTarget implements ReplayTarget {
        private final AuthHandler auth;
        private final HealthWebhookHandler webhook;
        private final RunnerHandler runner;
        private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        InProcessTarget(AuthHandler auth, HealthWebhookHandler webhook, RunnerHandler runner) {
            this.auth = auth;
            this.webhook = webhook;
            this.runner = runner;
        }

        @Override
        public void connect(GoogleHealthStandIn standIn) {
            APIGatewayV2HTTPResponse start = auth.handleRequest(event("GET", "/auth/google-health/start", null, Map.of()), null);
            assertEquals(302, start.getStatusCode(), start.getBody());
            try {
                HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(start.getHeaders().get("Location")))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
                Map<String, String> query = new LinkedHashMap<>();
                for (String pair : callback.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                // the browser sends back the cookie /start set (the attempt's browser binding)
                APIGatewayV2HTTPEvent callbackEvent = event("GET", callback.getPath(), null, query);
                callbackEvent.setCookies(start.getCookies().stream().map(cookie -> cookie.split(";")[0]).toList());
                APIGatewayV2HTTPResponse done = auth.handleRequest(callbackEvent, null);
                assertEquals("/dashboard?connected=google-health", done.getHeaders().get("Location"), done.getBody());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public int deliverWebhook(String body, Map<String, String> headers) {
            return webhook.handleRequest(event("POST", "/webhooks/google-health", body, Map.of(), headers), null).getStatusCode();
        }

        @Override
        public Optional<CurrentHeartRate> currentHeartRate() {
            try {
                JsonNode heartRate = Json.MAPPER.readTree(runner.handleRequest(event("GET", "/api/me", null, Map.of()), null)
                        .getBody()).path("heartRate");
                return heartRate.path("current").isNumber()
                        ? Optional.of(new CurrentHeartRate(heartRate.path("current").asInt(), Instant.parse(heartRate.path("at").asText())))
                        : Optional.empty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        private static APIGatewayV2HTTPEvent event(String method, String path, String body, Map<String, String> query) {
            return event(method, path, body, query, Map.of());
        }

        private static APIGatewayV2HTTPEvent event(String method, String path, String body, Map<String, String> query,
                                                  Map<String, String> headers) {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRawPath(path);
            event.setBody(body);
            event.setQueryStringParameters(query);
            Map<String, String> lowerCase = new HashMap<>();
            headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), value));
            event.setHeaders(lowerCase);
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod(method);
            context.setHttp(http);
            event.setRequestContext(context);
            return event;
        }
    }
}

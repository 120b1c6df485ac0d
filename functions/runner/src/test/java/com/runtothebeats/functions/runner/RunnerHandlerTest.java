package com.runtothebeats.functions.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoLinkStatuses;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.heartrate.StoredHeartRate;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.standins.DynamoDbLocalServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The runner API against DynamoDB Local, driven by the events/ samples. */
class RunnerHandlerTest {

    private static final Path EVENTS = Path.of("../../events/runner");
    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");

    private static DynamoDbLocalServer dynamoServer;
    private static DynamoDbClient dynamo;
    private static int generation;

    @TempDir
    Path stateDir;

    private DynamoHeartRateSamples samples;
    private DynamoProviderLinkStore links;
    private DynamoLinkStatuses statuses;
    private DynamoRunnerStore runners;
    private DynamoRunnerHeartRates states;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private DynamoSessionStore sessionStore;
    private String linksTable;

    @BeforeAll
    static void startDynamo() {
        dynamoServer = DynamoDbLocalServer.inMemory();
        dynamo = dynamoServer.client();
    }

    @AfterAll
    static void stopDynamo() {
        dynamoServer.close();
    }

    @BeforeEach
    void freshTables() {
        int n = ++generation;
        TemplateTables.createProjectTable(dynamo, "RunnersTable", "runners-" + n);
        TemplateTables.createProjectTable(dynamo, "HeartRateTable", "heart-rate-" + n);
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "links-" + n);
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "sessions-" + n);
        sessionStore = new DynamoSessionStore(dynamo, "sessions-" + n);
        samples = new DynamoHeartRateSamples(dynamo, "heart-rate-" + n);
        links = new DynamoProviderLinkStore(dynamo, "links-" + n, LocalKeyFileCipher.fromKeyFile(stateDir.resolve("k")));
        statuses = new DynamoLinkStatuses(dynamo, "links-" + n);
        linksTable = "links-" + n;
        runners = new DynamoRunnerStore(dynamo, "runners-" + n);
        states = new DynamoRunnerHeartRates(dynamo, "runners-" + n);
    }

    private RunnerHandler handler(boolean demo) {
        return new RunnerHandler(new RunnerComponents(new SessionCookies(sessionStore, Duration.ofDays(1), clock, demo), runners, statuses,
                samples, states, false, clock, com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve(file).toString());
        event.setHeaders(new HashMap<>(event.getHeaders()));
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private int storedSamples(String runnerId) {
        return samples.between(runnerId, Instant.EPOCH, NOW.plusSeconds(3600)).size();
    }

    @Test
    void theDemoRunnerSeesTheirStateAndLinks() throws Exception {
        links.save(new ProviderLink("demo-runner", Provider.GOOGLE_HEALTH, "hu-demo", "a", NOW, "r", null,
                LinkStatus.DISCONNECTED, 3));
        JsonNode me = body(handler(true).handleRequest(event("me.json"), null));
        assertEquals("demo-runner", me.path("runnerId").asText());
        assertTrue(me.path("demo").asBoolean());
        assertEquals("NOT_CONNECTED", me.path("links").path("spotify").path("status").asText());
        assertTrue(me.path("links").path("spotify").path("dryRun").asBoolean());
        assertEquals("DISCONNECTED", me.path("links").path("google-health").path("status").asText());
        assertTrue(me.path("heartRate").path("current").isNull());
    }

    @Test
    void linkStatusesComeFromTheStoredStatusWithoutOpeningAToken() throws Exception {
        links.save(new ProviderLink("demo-runner", Provider.SPOTIFY, "sp-demo", "access", NOW, "refresh", "user-read-private",
                LinkStatus.CONNECTED, 1));
        // Ciphertexts this function could not open, having no token key: the status must not depend on them.
        dynamo.updateItem(r -> r.tableName(linksTable)
                .key(Map.of("runnerId", AttributeValue.fromS("demo-runner"), "provider", AttributeValue.fromS("spotify")))
                .updateExpression("SET encryptedRefreshToken = :x, accessToken = :x")
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("kms2:not-for-this-function"))));

        JsonNode me = body(handler(true).handleRequest(event("me.json"), null));

        assertEquals("CONNECTED", me.path("links").path("spotify").path("status").asText());
        assertEquals("NOT_CONNECTED", me.path("links").path("google-health").path("status").asText());
    }

    @Test
    void theFunctionIsBuiltWithoutATokenKey() {
        // RunnerFunction has neither TOKEN_KEY_ID nor kms:Decrypt (template.yaml; TemplatePoliciesTest).
        RunnerComponents components = RunnerComponents.fromEnvironment(com.runtothebeats.lambda.LambdaEnvironment.of(Map.of(
                "RUNNERS_TABLE", "r", "PROVIDER_LINKS_TABLE", "l", "HEART_RATE_TABLE", "h", "SESSIONS_TABLE", "s",
                "AWS_REGION", "eu-west-1")));
        assertTrue(components.links() instanceof DynamoLinkStatuses);
    }

    @Test
    void aTypedHeartRateUpdatesTheStateAndTheSuggestedTempo() throws Exception {
        RunnerHandler handler = handler(true);
        APIGatewayV2HTTPResponse entered = handler.handleRequest(event("heart-rate-post.json"), null);
        assertEquals(200, entered.getStatusCode());
        assertEquals(152, body(entered).path("heartRate").path("current").asInt());
        assertEquals(165, body(entered).path("heartRate").path("suggestedTargetTempo").asInt());

        JsonNode me = body(handler.handleRequest(event("me.json"), null));
        assertEquals(152, me.path("heartRate").path("current").asInt());
        assertEquals("manual", me.path("heartRate").path("source").asText());
        assertEquals(NOW.toString(), me.path("heartRate").path("at").asText());

        JsonNode recent = body(handler.handleRequest(event("heart-rate.json"), null));
        assertEquals(1, recent.path("samples").size());
        assertEquals(152, recent.path("samples").get(0).path("bpm").asInt());
        assertEquals(5, recent.path("zones").size());
        assertEquals(125, recent.path("zones").get(0).path("fromBpm").asInt(), "zone 1 starts at 50% of reserve");
    }

    @Test
    void recentSamplesAreLimitedToTheMinutesAsked() throws Exception {
        samples.save("demo-runner", List.of(new HeartRateSample(NOW.minusSeconds(3 * 3600), 90),
                new HeartRateSample(NOW.minusSeconds(1800), 140), new HeartRateSample(NOW.minusSeconds(60), 150)));
        APIGatewayV2HTTPEvent lastHour = event("heart-rate.json");
        assertEquals(List.of(140, 150), bpms(body(handler(true).handleRequest(lastHour, null))));
        lastHour.setQueryStringParameters(Map.of("minutes", "5"));
        assertEquals(List.of(150), bpms(body(handler(true).handleRequest(lastHour, null))));
    }

    @Test
    void aLongWindowIsReadAPageAtATimeNewestFirst() throws Exception {
        List<HeartRateSample> sevenMinutes = new ArrayList<>();
        for (int i = 7; i >= 1; i--) {
            sevenMinutes.add(new HeartRateSample(NOW.minusSeconds(60L * i), 140 + i));
        }
        samples.save("demo-runner", sevenMinutes);
        APIGatewayV2HTTPEvent request = event("heart-rate.json");
        request.setQueryStringParameters(Map.of("minutes", "60", "limit", "3"));

        JsonNode newest = body(handler(true).handleRequest(request, null));
        assertEquals(List.of(143, 142, 141), bpms(newest), "the newest page, oldest first");
        assertEquals(NOW.minusSeconds(180).toString(), newest.path("next").asText());

        request.setQueryStringParameters(Map.of("minutes", "60", "limit", "3", "before", newest.path("next").asText()));
        JsonNode older = body(handler(true).handleRequest(request, null));
        assertEquals(List.of(146, 145, 144), bpms(older));

        request.setQueryStringParameters(Map.of("minutes", "60", "limit", "3", "before", older.path("next").asText()));
        JsonNode oldest = body(handler(true).handleRequest(request, null));
        assertEquals(List.of(147), bpms(oldest));
        assertTrue(oldest.path("next").isNull(), "the window's start was reached");
    }

    @Test
    void withoutALimitAPageHoldsAtMostAnHourOfOneASecond() throws Exception {
        List<HeartRateSample> twoHours = new ArrayList<>();
        for (int s = 1; s <= HeartRatePageRequest.MAX_SAMPLES + 10; s++) {
            twoHours.add(new HeartRateSample(NOW.minusSeconds(s), 150));
        }
        samples.save("demo-runner", twoHours);
        APIGatewayV2HTTPEvent month = event("heart-rate.json");
        month.setQueryStringParameters(Map.of("minutes", Integer.toString(HeartRatePageRequest.MAX_MINUTES)));

        JsonNode page = body(handler(true).handleRequest(month, null));

        assertEquals(HeartRatePageRequest.MAX_SAMPLES, page.path("samples").size());
        assertEquals(NOW.minusSeconds(HeartRatePageRequest.MAX_SAMPLES).toString(), page.path("samples").get(0).path("timestamp").asText());
        assertEquals(NOW.minusSeconds(HeartRatePageRequest.MAX_SAMPLES).toString(), page.path("next").asText());
    }

    private static List<Integer> bpms(JsonNode body) {
        List<Integer> values = new ArrayList<>();
        body.path("samples").forEach(s -> values.add(s.path("bpm").asInt()));
        return values;
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() throws Exception {
        RunnerHandler handler = handler(true);
        APIGatewayV2HTTPResponse tooHigh = handler.handleRequest(event("heart-rate-invalid.json"), null);
        assertEquals(400, tooHigh.getStatusCode());
        assertEquals("bpm", body(tooHigh).path("error").path("field").asText());
        for (String bad : List.of("{\"bpm\":29}", "{\"bpm\":231}", "{\"bpm\":\"fast\"}", "{\"bpm\":152.5}", "{}",
                "{\"bpm\":null}")) {
            APIGatewayV2HTTPEvent request = event("heart-rate-post.json");
            request.setBody(bad);
            APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
            assertEquals(400, response.getStatusCode(), bad);
            assertEquals("bpm", body(response).path("error").path("field").asText(), bad);
        }
        for (String bad : List.of("", "[152]", "{\"bpm\":", "152")) {
            APIGatewayV2HTTPEvent request = event("heart-rate-post.json");
            request.setBody(bad);
            APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
            assertEquals(400, response.getStatusCode(), bad);
            assertEquals("body", body(response).path("error").path("field").asText(), bad);
        }
        for (String minutes : List.of("0", "-5", "abc", "43201")) {
            APIGatewayV2HTTPEvent request = event("heart-rate.json");
            request.setQueryStringParameters(Map.of("minutes", minutes));
            APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
            assertEquals(400, response.getStatusCode(), minutes);
            assertEquals("minutes", body(response).path("error").path("field").asText());
        }
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "3601"), Map.of("limit", "many"),
                Map.of("before", "yesterday"), Map.of("before", "2026-11-24"))) {
            APIGatewayV2HTTPEvent request = event("heart-rate.json");
            request.setQueryStringParameters(query);
            APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
            assertEquals(400, response.getStatusCode(), query.toString());
            assertEquals(query.keySet().iterator().next(), body(response).path("error").path("field").asText());
        }
        assertEquals(0, storedSamples("demo-runner"));
        assertTrue(states.find("demo-runner").isEmpty());
    }

    @Test
    void aSignedInRunnerNeedsTheCsrfHeaderToChangeState() throws Exception {
        SessionCookies sessions = new SessionCookies(sessionStore, Duration.ofDays(1), clock, false);
        String session = sessions.issue("runner-7").split(";")[0];
        RunnerHandler handler = handler(false);

        APIGatewayV2HTTPEvent forged = event("heart-rate-post.json");
        forged.setCookies(List.of(session, "__Host-beats_csrf=token-1"));
        assertEquals(403, handler.handleRequest(forged, null).getStatusCode());
        assertEquals(0, storedSamples("runner-7"));

        APIGatewayV2HTTPEvent genuine = event("heart-rate-post.json");
        genuine.setCookies(List.of(session, "__Host-beats_csrf=token-1"));
        genuine.getHeaders().put("x-csrf-token", "token-1");
        assertEquals(200, handler.handleRequest(genuine, null).getStatusCode());
        assertEquals(1, storedSamples("runner-7"));

        assertEquals(401, handler.handleRequest(event("me.json"), null).getStatusCode(), "nobody signed in");
    }

    @Test
    void aTypedHeartRateRacingADisconnectIs409AndNotKept() throws Exception {
        RunnerHeartRates disconnectedMeanwhile = new RunnerHeartRates() {
            @Override
            public StoredHeartRate read(String runnerId) {
                return states.read(runnerId);
            }

            @Override
            public boolean replaceIfVersion(String runnerId, RunnerHeartRate state, long expectedVersion) {
                states.clear(runnerId); // the runner disconnects in another tab between the read and the write
                return states.replaceIfVersion(runnerId, state, expectedVersion);
            }

            @Override
            public void clear(String runnerId) {
                states.clear(runnerId);
            }
        };
        RunnerHandler handler = new RunnerHandler(new RunnerComponents(new SessionCookies(sessionStore, Duration.ofDays(1), clock, true),
                runners, statuses, samples, disconnectedMeanwhile, false, clock, com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(java.util.Map.of()))));

        APIGatewayV2HTTPResponse entered = handler.handleRequest(event("heart-rate-post.json"), null);

        assertEquals(409, entered.getStatusCode(), entered.getBody());
        assertEquals("heart_rate_cleared", body(entered).path("error").path("code").asText());
        assertTrue(states.find("demo-runner").isEmpty());
        assertEquals(0, storedSamples("demo-runner"));
        assertEquals(200, handler(true).handleRequest(event("heart-rate-post.json"), null).getStatusCode(), "entered again");
        assertEquals(152, states.find("demo-runner").orElseThrow().current());
    }
}

package com.runtothebeats.functions.healthwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import com.runtothebeats.aws.TableDefinitions;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.NotificationSignatureVerifier;
import com.runtothebeats.standins.DynamoDbLocalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook against DynamoDB Local, driven by the events/ samples and variations of them. */
class HealthWebhookHandlerTest {

    private static final String SECRET = "local-webhook-secret";
    private static final Path EVENTS = Path.of("../../events/health-webhook");

    private static DynamoDbLocalServer dynamoServer;
    private static DynamoDbClient dynamo;
    private static int tableNumber;

    private String table;
    private HealthWebhookHandler handler;

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
    void freshTable() {
        table = "notifications-" + (++tableNumber);
        dynamo.createTable(TableDefinitions.notifications(table));
        handler = handler(Optional.empty());
    }

    private HealthWebhookHandler handler(Optional<NotificationSignatureVerifier> signatures) {
        return new HealthWebhookHandler(new HealthWebhookComponents(SECRET, signatures,
                new DynamoNotificationInbox(dynamo, table, Clock.systemUTC()),
                FunctionMetrics.create(LambdaEnvironment.of(Map.of()))));
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve(file).toString());
    }

    private int storedNotifications() {
        return dynamo.scan(r -> r.tableName(table)).count();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void verificationHandshakeBothWays() {
        assertEquals(201, handler.handleRequest(event("verification.json"), null).getStatusCode());
        assertEquals(401, handler.handleRequest(event("verification-unauthorized.json"), null).getStatusCode());
        APIGatewayV2HTTPEvent wrong = event("verification.json");
        wrong.getHeaders().put("authorization", SECRET + "x");
        assertEquals(401, handler.handleRequest(wrong, null).getStatusCode());
        assertEquals(0, storedNotifications());
    }

    @Test
    void storesEachNotificationOfAnArray() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("notifications.json"), null);
        assertEquals(200, response.getStatusCode());
        assertEquals(2, body(response).path("stored").asInt());
        assertEquals(2, storedNotifications());
    }

    @Test
    void storesASingleObjectNotification() {
        assertEquals(200, handler.handleRequest(event("notification-single.json"), null).getStatusCode());
        var items = dynamo.scan(r -> r.tableName(table)).items();
        assertEquals(1, items.size());
        assertEquals("heart-rate", items.get(0).get("dataType").s(), "heartRate normalised");
        assertEquals("hu-demo#heart-rate#2026-11-24T19:30:00Z#2026-11-24T19:45:00Z#UPSERT",
                items.get(0).get("notificationKey").s());
    }

    @Test
    void theSameNotificationDeliveredThreeTimesIsStoredOnce() throws Exception {
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event("notification-single.json"), null);
            assertEquals(200, response.getStatusCode(), "a redelivery is acknowledged, or Google keeps retrying");
            stored.add(body(response).path("stored").asInt());
        }
        assertEquals(List.of(1, 0, 0), stored);
        assertEquals(1, storedNotifications());
    }

    @Test
    void spellingsOfOneDataTypeAreOneNotification() {
        for (String spelling : List.of("heart-rate", "heartRate", "HEART_RATE", "heart_rate")) {
            APIGatewayV2HTTPEvent delivery = event("notification-single.json");
            delivery.setBody(delivery.getBody().replace("\"heartRate\"", "\"" + spelling + "\""));
            assertEquals(200, handler.handleRequest(delivery, null).getStatusCode());
        }
        assertEquals(1, storedNotifications());
    }

    @Test
    void aBurstOfConcurrentDuplicatesIsStoredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(pool.submit(() -> handler.handleRequest(event("notifications.json"), null)));
        }
        int stored = 0;
        for (Future<APIGatewayV2HTTPResponse> response : responses) {
            assertEquals(200, response.get().getStatusCode());
            stored += body(response.get()).path("stored").asInt();
        }
        pool.shutdown();
        assertEquals(2, stored);
        assertEquals(2, storedNotifications());
    }

    @Test
    void aForgedNotificationIsRejectedAndNothingStored() {
        assertEquals(401, handler.handleRequest(event("forged.json"), null).getStatusCode());
        APIGatewayV2HTTPEvent noSecret = event("notifications.json");
        noSecret.getHeaders().remove("authorization");
        assertEquals(401, handler.handleRequest(noSecret, null).getStatusCode());
        APIGatewayV2HTTPEvent malformedAndForged = event("malformed.json");
        malformedAndForged.getHeaders().put("authorization", "nope");
        assertEquals(401, handler.handleRequest(malformedAndForged, null).getStatusCode());
        assertEquals(0, storedNotifications());
    }

    @Test
    void malformedBodiesAre400AndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse malformed = handler.handleRequest(event("malformed.json"), null);
        assertEquals(400, malformed.getStatusCode());
        assertEquals("body", body(malformed).path("error").path("field").asText());

        APIGatewayV2HTTPEvent halfBad = event("notifications.json");
        halfBad.setBody(halfBad.getBody().replace("\"2026-11-24T19:30:00Z\"", "\"yesterday\""));
        APIGatewayV2HTTPResponse response = handler.handleRequest(halfBad, null);
        assertEquals(400, response.getStatusCode());
        assertEquals("[1].data.intervals[0].physicalTimeInterval.endTime", body(response).path("error").path("field").asText());

        for (String bad : List.of("", "42", "[1]", "{\"data\":{\"healthUserId\":\"x\"}}")) {
            APIGatewayV2HTTPEvent delivery = event("notifications.json");
            delivery.setBody(bad);
            assertEquals(400, handler.handleRequest(delivery, null).getStatusCode(), bad);
        }
        assertEquals(0, storedNotifications(), "a body is stored completely or not at all");
    }

    @Test
    void checksTheSignatureWhenAKeysetIsConfigured() throws Exception {
        SignatureConfig.register();
        KeysetHandle privateKeys = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
        String publicKeyset = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeys.getPublicKeysetHandle());
        PublicKeySign signer = privateKeys.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        HealthWebhookHandler signed = handler(Optional.of(NotificationSignatureVerifier.fromPublicKeysetJson(publicKeyset)));

        APIGatewayV2HTTPEvent genuine = event("notification-single.json");
        byte[] signature = signer.sign(genuine.getBody().getBytes(StandardCharsets.UTF_8));
        genuine.getHeaders().put("x-healthapi-signature", Base64.getEncoder().encodeToString(signature));
        assertEquals(200, signed.handleRequest(genuine, null).getStatusCode());

        APIGatewayV2HTTPEvent alternateHeader = event("notifications.json");
        alternateHeader.getHeaders().put("Google-Health-API-Signature", Base64.getUrlEncoder().encodeToString(
                signer.sign(alternateHeader.getBody().getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, signed.handleRequest(alternateHeader, null).getStatusCode());
        assertEquals(3, storedNotifications());

        APIGatewayV2HTTPEvent tampered = event("notifications.json");
        tampered.getHeaders().put("x-healthapi-signature", Base64.getEncoder().encodeToString(signature));
        tampered.setBody(tampered.getBody().replace("hu-demo", "hu-other"));
        assertEquals(401, signed.handleRequest(tampered, null).getStatusCode());
        APIGatewayV2HTTPEvent garbage = event("notifications.json");
        garbage.setBody(garbage.getBody().replace("hu-demo", "hu-other"));
        garbage.getHeaders().put("x-healthapi-signature", "not a signature");
        assertEquals(401, signed.handleRequest(garbage, null).getStatusCode());
        assertEquals(3, storedNotifications(), "nothing of the forged deliveries stored");
    }

    @Test
    void theRetiredFitbitWebApiIsGone() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("fitbit-gone.json"), null);
        assertEquals(410, response.getStatusCode());
        assertTrue(body(response).path("error").path("message").asText().contains("Google Health API"));
        APIGatewayV2HTTPEvent authStart = event("fitbit-gone.json");
        authStart.setRawPath("/auth/fitbit/start");
        assertEquals(410, handler.handleRequest(authStart, null).getStatusCode());
        assertEquals(0, storedNotifications());
    }

    @Test
    void everyWebhookEventSampleParsesAsAnHttpApiEvent() throws Exception {
        Map<String, Integer> expected = new HashMap<>(Map.of(
                "verification.json", 201,
                "verification-unauthorized.json", 401,
                "notifications.json", 200,
                "notification-single.json", 200,
                "forged.json", 401,
                "malformed.json", 400,
                "fitbit-gone.json", 410));
        try (var files = Files.list(EVENTS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> assertTrue(expected.containsKey(n), "an expectation for " + n));
        }
        for (Map.Entry<String, Integer> sample : expected.entrySet()) {
            APIGatewayV2HTTPEvent parsed = event(sample.getKey());
            assertEquals("POST", parsed.getRequestContext().getHttp().getMethod());
            assertEquals(sample.getValue(), handler.handleRequest(parsed, null).getStatusCode(), sample.getKey());
        }
    }
}

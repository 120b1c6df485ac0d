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
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.PublishedSigningKeyset;
import com.runtothebeats.standins.LocalDynamoDb;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The webhook against DynamoDB Local, driven by the events/ samples and variations of them. */
class HealthWebhookHandlerTest {

    private static final String SECRET = "local-webhook-secret";
    private static final Path EVENTS = Path.of("../../events/health-webhook");
    /** The samples' deliveries are of 2026-11-24: received that evening. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T20:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
    private final DynamoDbClient dynamo = DYNAMO.client();

    private String table;
    private HealthWebhookHandler handler;

    @BeforeEach
    void freshTable() {
        table = DYNAMO.table("NotificationsTable");
        handler = handler(Optional.empty());
    }

    private HealthWebhookHandler handler(Optional<PublishedSigningKeyset> signatures) {
        return new HealthWebhookHandler(new HealthWebhookComponents(SECRET, signatures,
                new DynamoNotificationInbox(dynamo, table, CLOCK),
                FunctionMetrics.create(LambdaEnvironment.of(Map.of())), CLOCK));
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

        for (String bad : List.of("", "42", "[1]", "[]", "{\"data\":{\"healthUserId\":\"x\"}}")) {
            APIGatewayV2HTTPEvent delivery = event("notifications.json");
            delivery.setBody(bad);
            assertEquals(400, handler.handleRequest(delivery, null).getStatusCode(), bad);
        }
        APIGatewayV2HTTPEvent tooMany = event("notifications.json");
        tooMany.setBody("[" + String.join(",", java.util.Collections.nCopies(100,
                "{\"data\":{\"healthUserId\":\"x\"}}")) + "]");
        assertEquals(400, handler.handleRequest(tooMany, null).getStatusCode(), "at most 99 items");
        assertEquals(0, storedNotifications());
    }

    @Test
    void oneUnreadableItemDoesNotHoldBackTheReadableOnes() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("partly-unreadable.json"), null);
        assertEquals(200, response.getStatusCode(), "acknowledged, or Google redelivers the readable item for days");
        JsonNode answer = body(response);
        assertEquals(1, answer.path("stored").asInt());
        assertEquals(1, answer.path("unreadable").asInt());
        assertEquals("[1].data.intervals[0]", answer.path("unreadableItems").get(0).path("field").asText());
        assertEquals(1, storedNotifications());

        APIGatewayV2HTTPEvent halfBad = event("notifications.json");
        halfBad.setBody(halfBad.getBody().replace("\"2026-11-24T19:30:00Z\"", "\"yesterday\""));
        JsonNode second = body(handler.handleRequest(halfBad, null));
        assertEquals(1, second.path("stored").asInt());
        assertEquals("[1].data.intervals[0].physicalTimeInterval.endTime",
                second.path("unreadableItems").get(0).path("field").asText());
    }

    @Test
    void aFullDayItemWithOnlyACivilIntervalIsUnderstood() {
        assertEquals(200, handler.handleRequest(event("civil-day.json"), null).getStatusCode());
        var items = dynamo.scan(r -> r.tableName(table)).items();
        assertEquals(1, items.size());
        // 2026-11-23T00:00 to 2026-11-24T00:00 in whatever zone the runner is: every instant it can mean.
        assertEquals("2026-11-22T10:00:00Z", items.get(0).get("startTime").s());
        assertEquals("2026-11-24T12:00:00Z", items.get(0).get("endTime").s());
    }

    @Test
    void intervalsLongerThanADayOrFarFromNowAreRefusedPerItem() throws Exception {
        String item = "{\"data\":{\"healthUserId\":\"hu-demo\",\"operation\":\"DELETE\",\"dataType\":\"heart-rate\","
                + "\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"%s\",\"endTime\":\"%s\"}}]}}";
        APIGatewayV2HTTPEvent delivery = event("notifications.json");
        delivery.setBody("[" + String.join(",",
                String.format(item, "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z"),
                String.format(item, "2026-11-20T00:00:00Z", "2026-11-21T00:00:01Z"),
                String.format(item, "2026-10-01T00:00:00Z", "2026-10-01T01:00:00Z"),
                String.format(item, "2027-01-01T00:00:00Z", "2027-01-01T01:00:00Z"),
                String.format(item, "2026-11-24T19:00:00Z", "2026-11-24T19:30:00Z")) + "]");
        JsonNode answer = body(handler.handleRequest(delivery, null));
        assertEquals(1, answer.path("stored").asInt(), "only the half hour of today");
        assertEquals(4, answer.path("unreadable").asInt());
        assertEquals(1, storedNotifications());

        APIGatewayV2HTTPEvent onlyBad = event("notifications.json");
        onlyBad.setBody("[" + String.format(item, "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z") + "]");
        APIGatewayV2HTTPResponse refused = handler.handleRequest(onlyBad, null);
        assertEquals(400, refused.getStatusCode(), "nothing readable");
        assertEquals("[0].data.intervals[0]", body(refused).path("error").path("field").asText());
    }

    /** Google's published keyset, served over HTTP as Google serves it, with a count of fetches. */
    private static final class KeysetServer implements AutoCloseable {
        final HttpServer server;
        volatile String keysetJson;
        final AtomicInteger fetches = new AtomicInteger();

        KeysetServer(KeysetHandle publicKeys) throws Exception {
            publish(publicKeys);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/keyset.json", exchange -> {
                fetches.incrementAndGet();
                byte[] json = keysetJson.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
                exchange.close();
            });
            server.start();
        }

        void publish(KeysetHandle publicKeys) throws Exception {
            keysetJson = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicKeys);
        }

        PublishedSigningKeyset source() {
            return source(CLOCK);
        }

        PublishedSigningKeyset source(Clock clock) {
            return new PublishedSigningKeyset(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keyset.json"),
                    clock);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String sign(KeysetHandle privateKeys, String body) throws Exception {
        return Base64.getEncoder().encodeToString(privateKeys.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class)
                .sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checksTheSignatureWhenAKeysetIsConfigured() throws Exception {
        SignatureConfig.register();
        KeysetHandle privateKeys = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
        try (KeysetServer google = new KeysetServer(privateKeys.getPublicKeysetHandle())) {
            HealthWebhookHandler signed = handler(Optional.of(google.source()));

            APIGatewayV2HTTPEvent genuine = event("notification-single.json");
            String signature = sign(privateKeys, genuine.getBody());
            genuine.getHeaders().put("x-healthapi-signature", signature);
            assertEquals(200, signed.handleRequest(genuine, null).getStatusCode());

            APIGatewayV2HTTPEvent alternateHeader = event("notifications.json");
            alternateHeader.getHeaders().put("Google-Health-API-Signature", Base64.getUrlEncoder().encodeToString(
                    Base64.getDecoder().decode(sign(privateKeys, alternateHeader.getBody()))));
            assertEquals(200, signed.handleRequest(alternateHeader, null).getStatusCode());
            assertEquals(3, storedNotifications());

            APIGatewayV2HTTPEvent tampered = event("notifications.json");
            tampered.getHeaders().put("x-healthapi-signature", signature);
            tampered.setBody(tampered.getBody().replace("hu-demo", "hu-other"));
            assertEquals(401, signed.handleRequest(tampered, null).getStatusCode());
            APIGatewayV2HTTPEvent garbage = event("notifications.json");
            garbage.setBody(garbage.getBody().replace("hu-demo", "hu-other"));
            garbage.getHeaders().put("x-healthapi-signature", "not a signature");
            assertEquals(401, signed.handleRequest(garbage, null).getStatusCode());
            assertEquals(3, storedNotifications(), "nothing of the forged deliveries stored");
            assertEquals(1, google.fetches.get(), "the keyset is fetched once and cached");
        }
    }

    @Test
    void withAKeysetSourceAnUnsignedNotificationIs401EvenWithTheSecret() throws Exception {
        SignatureConfig.register();
        KeysetHandle privateKeys = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
        try (KeysetServer google = new KeysetServer(privateKeys.getPublicKeysetHandle())) {
            HealthWebhookHandler signed = handler(Optional.of(google.source()));
            APIGatewayV2HTTPResponse unsigned = signed.handleRequest(event("notifications.json"), null);
            assertEquals(401, unsigned.getStatusCode());
            assertEquals("bad_signature", body(unsigned).path("error").path("code").asText());
            APIGatewayV2HTTPEvent unsignedMalformed = event("malformed.json");
            assertEquals(401, signed.handleRequest(unsignedMalformed, null).getStatusCode(),
                    "authenticated before the body is read");
            assertEquals(0, storedNotifications());
        }
    }

    @Test
    void aRotatedKeysetIsFetchedAgainOnAnUnknownKeyId() throws Exception {
        SignatureConfig.register();
        KeysetHandle before = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
        KeysetHandle after = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
        AtomicReference<Instant> now = new AtomicReference<>(CLOCK.instant());
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (KeysetServer google = new KeysetServer(before.getPublicKeysetHandle())) {
            HealthWebhookHandler signed = handler(Optional.of(google.source(moving)));
            APIGatewayV2HTTPEvent first = event("notification-single.json");
            first.getHeaders().put("x-healthapi-signature", sign(before, first.getBody()));
            assertEquals(200, signed.handleRequest(first, null).getStatusCode());

            google.publish(after.getPublicKeysetHandle());
            now.set(now.get().plusSeconds(120));
            APIGatewayV2HTTPEvent rotated = event("notifications.json");
            rotated.getHeaders().put("x-healthapi-signature", sign(after, rotated.getBody()));
            assertEquals(200, signed.handleRequest(rotated, null).getStatusCode(), "signed with the new key");
            assertEquals(2, google.fetches.get());

            APIGatewayV2HTTPEvent forgedKeyId = event("partly-unreadable.json");
            forgedKeyId.getHeaders().put("x-healthapi-signature",
                    sign(KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256")), forgedKeyId.getBody()));
            assertEquals(401, signed.handleRequest(forgedKeyId, null).getStatusCode());
            assertEquals(2, google.fetches.get(), "at most one refetch a minute, whatever key ids forgers invent");
        }
    }

    @Test
    void aKeysetThatCannotBeFetchedIs503SoGoogleDeliversAgain() throws Exception {
        HealthWebhookHandler unreachable = handler(Optional.of(
                new PublishedSigningKeyset(URI.create("http://127.0.0.1:9/keyset.json"), CLOCK)));
        APIGatewayV2HTTPEvent delivery = event("notifications.json");
        delivery.getHeaders().put("x-healthapi-signature", "AQIDBA==");
        assertEquals(503, unreachable.handleRequest(delivery, null).getStatusCode());
        assertEquals(0, storedNotifications());
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
                "partly-unreadable.json", 200,
                "civil-day.json", 200,
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

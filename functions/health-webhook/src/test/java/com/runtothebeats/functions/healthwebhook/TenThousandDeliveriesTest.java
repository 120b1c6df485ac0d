package com.runtothebeats.functions.healthwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.TemplateTables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 15's delivery figures: 10,000 webhook deliveries (seed 15), 20% re-deliveries of earlier ones, 5% forged
 * (wrong secret), 2% malformed, 16 at a time, against DynamoDB Local: 0 lost, 0 stored twice, 0 forged stored.
 */
class TenThousandDeliveriesTest {

    private static final String SECRET = "local-webhook-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    record Delivery(String body, boolean forged, String key) {
    }

    @Test
    void noneLostNoneTwiceNoForgedStored() throws Exception {
        Random random = new Random(15);
        List<Delivery> deliveries = new ArrayList<>();
        List<Delivery> genuine = new ArrayList<>();
        int redelivered = 0;
        int forged = 0;
        int malformed = 0;
        for (int i = 0; i < 10_000; i++) {
            double roll = random.nextDouble();
            if (roll < 0.05) {
                deliveries.add(new Delivery(notification("forged-" + i, i), true, null));
                forged++;
            } else if (roll < 0.07) {
                deliveries.add(new Delivery("[{\"data\":{\"healthUserId\":\"hu-" + i + "\",\"intervals\":[{}]}}", false, null));
                malformed++;
            } else if (roll < 0.27 && !genuine.isEmpty()) {
                deliveries.add(genuine.get(random.nextInt(genuine.size())));
                redelivered++;
            } else {
                Delivery fresh = new Delivery(notification("hu-" + i, i), false, "hu-" + i);
                genuine.add(fresh);
                deliveries.add(fresh);
            }
        }
        try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory()) {
            DynamoDbClient dynamo = server.client();
            TemplateTables.createProjectTable(dynamo, "NotificationsTable", "notifications");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            ThreadLocal<HealthWebhookHandler> handlers = ThreadLocal.withInitial(() -> new HealthWebhookHandler(
                    new HealthWebhookComponents(SECRET, Optional.empty(), new DynamoNotificationInbox(dynamo, "notifications", CLOCK),
                            FunctionMetrics.create(LambdaEnvironment.of(Map.of())), CLOCK)));
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<Future<?>> sent = new ArrayList<>();
            long started = System.nanoTime();
            for (Delivery delivery : deliveries) {
                sent.add(pool.submit(() -> {
                    int status = handlers.get().handleRequest(event(delivery), null).getStatusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (delivery.key() != null) {
                        assertTrue(status / 100 == 2, "a genuine delivery is acknowledged: " + status);
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;

            List<String> users = new ArrayList<>();
            dynamo.scanPaginator(r -> r.tableName("notifications")).items().forEach(item -> users.add(item.get("healthUserId").s()));
            Set<String> expected = genuine.stream().map(Delivery::key).collect(Collectors.toSet());
            long lost = expected.stream().filter(user -> !users.contains(user)).count();
            long twice = users.size() - users.stream().distinct().count();
            long forgedStored = users.stream().filter(user -> user.startsWith("forged-")).count();
            System.out.printf("10,000 deliveries (%d re-deliveries, %d forged, %d malformed), 16 at a time, %.1f s: statuses %s;"
                    + " %d distinct stored, %d lost, %d stored twice, %d forged stored%n", redelivered, forged, malformed, seconds,
                    statuses, users.size(), lost, twice, forgedStored);
            assertEquals(0, lost);
            assertEquals(0, twice);
            assertEquals(0, forgedStored);
            assertEquals(expected.size(), users.size());
        }
    }

    private static String notification(String user, int i) {
        Instant start = NOW.minusSeconds(60L * (1 + i % 600));
        return "[{\"data\":{\"version\":\"1\",\"healthUserId\":\"" + user + "\",\"operation\":\"UPSERT\",\"dataType\":\"heart-rate\","
                + "\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"" + start + "\",\"endTime\":\"" + start.plusSeconds(60) + "\"}}]}}]";
    }

    private static APIGatewayV2HTTPEvent event(Delivery delivery) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(
                Path.of("../../events/health-webhook/notification-single.json").toString());
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", delivery.forged() ? "Bearer forged" : SECRET);
        event.setHeaders(headers);
        event.setBody(delivery.body());
        return event;
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.testfunctions.RejectingStreamConsumer;
import com.runtothebeats.standins.DynamoDbStreamEventSource;
import com.runtothebeats.standins.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What {@code ./beats serve} does with a stream batch its function keeps failing: keeps it under streams/failed. */
class StreamSubscriptionTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBatchFailedThroughEveryRetryIsKeptAsALambdaEventAndNotDeliveredAgain(@TempDir Path state) throws IOException {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        try (LocalStack stack = TestProject.start(state)) {
            String table = stack.tableName("Things");
            List<String> ids = List.of("kept-1", "kept-2");
            ids.forEach(id -> stack.dynamoClient().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id)))));
            String streamArn = DynamoDbStreamEventSource.streamArnOf(stack.dynamoClient(), table);
            SamTemplate.StreamSubscription subscription = new SamTemplate.StreamSubscription("RejectingStreamFunction", "Changes",
                    null, Optional.of("Things"), "TRIM_HORIZON", 10, 1, false, -1, List.of(), true, true);
            RejectingStreamConsumer.INVOCATIONS.set(0);

            StreamSubscriptionTarget.eventSource(subscription, stack.function("RejectingStreamFunction"), stack.streamsClient(),
                    streamArn, stack.stateDir(), log).pollOnce();

            assertEquals(2, RejectingStreamConsumer.INVOCATIONS.get(), "one attempt and MaximumRetryAttempts: 1");
            List<Path> kept = failedBatches(stack.stateDir());
            assertEquals(1, kept.size(), "kept: " + kept);
            JsonNode event = JSON.readTree(Files.readString(kept.get(0)));
            List<String> keptIds = new ArrayList<>();
            for (JsonNode record : event.path("Records")) {
                keptIds.add(record.path("dynamodb").path("NewImage").path("id").path("S").asText());
                assertEquals(streamArn, record.path("eventSourceARN").asText());
            }
            assertEquals(ids, keptIds);
            assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("kept in " + kept.get(0)), logBytes.toString(StandardCharsets.UTF_8));

            // the checkpoint moved past the kept batch: a restarted ./beats serve does not invoke the function with it again
            StreamSubscriptionTarget.eventSource(subscription, stack.function("RejectingStreamFunction"), stack.streamsClient(),
                    streamArn, stack.stateDir(), log).pollOnce();
            assertEquals(2, RejectingStreamConsumer.INVOCATIONS.get());
            assertEquals(1, failedBatches(stack.stateDir()).size());
        }
    }

    @Test
    void theTemplatesBisectingAndFilterReachTheEventSource(@TempDir Path state) throws IOException {
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (LocalStack stack = TestProject.start(state)) {
            String table = stack.tableName("Things");
            List<String> ids = List.of("bisected-1", "bisected-2");
            ids.forEach(id -> stack.dynamoClient().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id)))));
            stack.dynamoClient().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("bisected-1"),
                    "note", AttributeValue.fromS("a MODIFY the filter skips"))));
            String streamArn = DynamoDbStreamEventSource.streamArnOf(stack.dynamoClient(), table);
            SamTemplate.StreamSubscription subscription = new SamTemplate.StreamSubscription("RejectingStreamFunction", "Changes",
                    null, Optional.of("Things"), "TRIM_HORIZON", 10, 1, true, -1, List.of("{\"eventName\": [\"INSERT\"]}"), true, true);
            RejectingStreamConsumer.INVOCATIONS.set(0);

            StreamSubscriptionTarget.eventSource(subscription, stack.function("RejectingStreamFunction"), stack.streamsClient(),
                    streamArn, stack.stateDir(), log).pollOnce();

            assertEquals(5, RejectingStreamConsumer.INVOCATIONS.get(), "the pair, then each record once and once more");
            List<String> keptIds = new ArrayList<>();
            for (Path kept : failedBatches(stack.stateDir())) {
                JsonNode records = JSON.readTree(Files.readString(kept)).path("Records");
                assertEquals(1, records.size(), kept.toString());
                assertEquals("INSERT", records.get(0).path("eventName").asText());
                keptIds.add(records.get(0).path("dynamodb").path("NewImage").path("id").path("S").asText());
            }
            assertEquals(ids, keptIds);
        }
    }

    private static List<Path> failedBatches(Path stateDir) throws IOException {
        Path failed = stateDir.resolve("streams").resolve("failed");
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(failed)) {
            return files.sorted().toList();
        }
    }
}

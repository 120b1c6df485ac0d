package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.standins.DynamoDbStreamEventSource;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.StreamEventFilter;
import com.runtothebeats.standins.StreamRecordJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The function end of a {@code DynamoDB} event of template.yaml: invokes the function with each batch as
 * {@code DynamodbEvent} JSON, reads {@code batchItemFailures} when the event source has
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}, and keeps batches that failed for good in
 * {@code streams/failed/} of the state directory like an on-failure destination. Reading the stream, retries
 * and checkpoints ({@code streams/<Function>.<Event>.json}) are {@link DynamoDbStreamEventSource}'s.
 */
final class StreamSubscriptionTarget implements DynamoDbStreamEventSource.BatchTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamTemplate.StreamSubscription subscription;
    private final LocalFunction function;
    private final String streamArn;
    private final Path failedDirectory;
    private final PrintStream log;

    StreamSubscriptionTarget(SamTemplate.StreamSubscription subscription, LocalFunction function, String streamArn,
                             Path stateDir, PrintStream log) {
        this.subscription = subscription;
        this.function = function;
        this.streamArn = streamArn;
        this.failedDirectory = stateDir.resolve("streams").resolve("failed");
        this.log = log;
    }

    /** The event source mapping of {@code subscription} on the local stack, checkpointed under {@code stateDir/streams}. */
    static DynamoDbStreamEventSource eventSource(SamTemplate.StreamSubscription subscription, LocalFunction function,
                                                 DynamoDbStreamsClient streams, String streamArn, Path stateDir, PrintStream log) {
        StreamSubscriptionTarget target = new StreamSubscriptionTarget(subscription, function, streamArn, stateDir, log);
        String name = subscription.functionId() + "." + subscription.eventName();
        return new DynamoDbStreamEventSource(streams, streamArn,
                new DynamoDbStreamEventSource.Settings(name, subscription.startingPosition(), subscription.batchSize(),
                        subscription.maximumRetryAttempts(), subscription.bisectBatchOnFunctionError(),
                        subscription.maximumRecordAgeInSeconds(), StreamEventFilter.of(subscription.filterPatterns()),
                        Duration.ofMillis(200), Duration.ofMillis(250)),
                target, target::keepFailedBatch, Optional.of(stateDir.resolve("streams").resolve(name + ".json")), log);
    }

    @Override
    public String deliver(List<Record> batch) {
        try {
            String output = function.invoke(event(batch).toString());
            // as on Lambda, a batchItemFailures answer counts only when the event source asks for it
            return subscription.reportBatchItemFailures() ? firstBatchItemFailure(output) : null;
        } catch (FunctionError e) {
            // a function error, not a partial batch response: the event source retries or bisects the whole batch
            throw new IllegalStateException(function.logicalId() + " failed: " + e.errorType() + ": " + e.getMessage(), e);
        }
    }

    /** The sequence number of the first failed item of a {@code StreamsEventResponse}, or null when all succeeded. */
    private static String firstBatchItemFailure(String output) {
        if (output == null) {
            return null;
        }
        try {
            JsonNode failures = JSON.readTree(output).path("batchItemFailures");
            String first = null;
            for (JsonNode failure : failures) {
                String id = failure.path("itemIdentifier").asText(null);
                if (id != null && (first == null || new java.math.BigInteger(id).compareTo(new java.math.BigInteger(first)) < 0)) {
                    first = id;
                }
            }
            return first;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The batch as Lambda delivers it: a {@code DynamodbEvent} in DynamoDB's attribute-value JSON. */
    ObjectNode event(List<Record> records) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(record -> array.add(StreamRecordJson.of(record, LocalStack.REGION, streamArn)));
        return event;
    }

    private void keepFailedBatch(List<Record> batch) {
        try {
            Files.createDirectories(failedDirectory);
            // named after the first record: bisecting can give up on several records within the same millisecond
            Path file = failedDirectory.resolve(subscription.functionId() + "-" + batch.get(0).dynamodb().sequenceNumber() + ".json");
            Files.writeString(file, event(batch).toPrettyString());
            log.println(function.logicalId() + ": " + batch.size() + " record(s) kept in " + file
                    + " (retries used up, or older than MaximumRecordAgeInSeconds)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a failed stream batch", e);
        }
    }
}

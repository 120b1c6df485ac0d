package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.heartrate.LocalGoogleHealth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * log4j2.xml promises that every line a function logs while it handles an event carries the request id (and
 * the function's name): each API function and the stream function of template.yaml runs its sample events
 * from {@code events/} on the local stack, and the JSON log it writes is read back line by line.
 */
class FunctionLogsCarryTheRequestIdTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each function with the folder of its sample events. */
    private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("AuthFunction", "auth");
        FUNCTIONS.put("RunnerFunction", "runner");
        FUNCTIONS.put("PublishFunction", "publish");
        FUNCTIONS.put("RecommendFunction", "recommend");
        FUNCTIONS.put("HealthWebhookFunction", "health-webhook");
        FUNCTIONS.put("WebFunction", "web");
        FUNCTIONS.put("HealthSyncFunction", "health-sync");
    }

    @TempDir
    static Path state;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        // DynamoDB Local runs in this JVM and logs on its own server threads (a failed conditional write is a
        // warning there): that is the stand-in's log, not a function's, and Lambda would never see it.
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Configurator.setLevel("com.amazonaws.services.dynamodbv2.local", Level.ERROR);
        Map<String, String> environment = new LinkedHashMap<>(LocalDemo.decide(Map.of(), state, 3000).environment());
        environment.putAll(LocalGoogleHealth.environment(Map.of(), 3000));
        stack = LocalStack.start(new LocalStack.Options(PROJECT, state, true, environment, System.err));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfEveryInvocationCarriesTheRequestId() {
        return FUNCTIONS.entrySet().stream().map(function -> DynamicTest.dynamicTest(function.getKey(),
                () -> checkLogOf(function.getKey(), PROJECT.resolve("events").resolve(function.getValue()))));
    }

    private static void checkLogOf(String logicalId, Path events) throws Exception {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                samples.add(Files.readString(file));
            }
        }
        LocalFunction function = stack.function(logicalId);
        // A cold start logs in the init phase, before there is a request: start the container first.
        invokeIgnoringErrors(function, samples.get(0));

        String log = capturingStderr(() -> samples.forEach(sample -> invokeIgnoringErrors(function, sample)));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{\"level\"")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertTrue(lines.size() >= samples.size(), logicalId + " logged " + lines.size() + " lines for " + samples.size()
                + " events:\n" + log);
        Set<String> requestIds = new HashSet<>();
        for (JsonNode line : lines) {
            String requestId = line.path("function_request_id").asText("");
            assertFalse(requestId.isEmpty() || requestId.equals("null"), logicalId + " logged without a request id: " + line);
            assertEquals(logicalId, line.path("function_name").asText(), line.toString());
            requestIds.add(requestId);
        }
        assertEquals(samples.size(), requestIds.size(), logicalId + ": one request id per invocation");
    }

    private static void invokeIgnoringErrors(LocalFunction function, String event) {
        try {
            function.invoke(event);
        } catch (FunctionError e) {
            throw new AssertionError(function.logicalId() + " failed on a sample event: " + e.getMessage(), e);
        }
    }

    /** What was written to stderr (where log4j2.xml sends the functions' JSON log) while {@code work} ran. */
    private static String capturingStderr(Runnable work) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            work.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.runtothebeats.local.testfunctions.EchoHttpHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack on a state directory: a second ./beats process joins the servers the first one runs. */
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private LocalStack.Options onDisk() {
        return new LocalStack.Options(TestProject.ROOT, state, false, Map.of(), System.err);
    }

    @Test
    void aSecondStackOnTheSameStateUsesTheRunningServersAndLeavesThemRunning() {
        try (LocalStack first = LocalStack.start(onDisk())) {
            assertTrue(Files.exists(state.resolve("stack.json")));
            try (LocalStack second = LocalStack.start(onDisk())) {
                assertEquals(first.dynamoEndpoint(), second.dynamoEndpoint());
                assertEquals(first.s3Endpoint(), second.s3Endpoint());
            }
            assertTrue(first.dynamoClient().listTables().tableNames().contains("Things"), "the first stack still serves");
            assertTrue(Files.exists(state.resolve("stack.json")), "only the owner removes the record");
        }
        assertFalse(Files.exists(state.resolve("stack.json")));
    }

    /**
     * What lets ./beats recommend answer from a running serve's warm containers: the second stack's invoke runs
     * the function in the first one's (its environment, its container pool), errors come back as function errors.
     */
    @Test
    void aSecondStackInvokesFunctionsInTheRunningStacksContainers() throws Exception {
        try (LocalStack first = LocalStack.start(new LocalStack.Options(TestProject.ROOT, state, false, Map.of("FROM_TEST", "first"), System.err))) {
            try (LocalStack second = LocalStack.start(new LocalStack.Options(TestProject.ROOT, state, false, Map.of("FROM_TEST", "second"),
                    System.err).startingOnDemand())) {
                String event = RecommendCommand.event(JsonNodeFactory.instance.objectNode()).toString();
                int containers = EchoHttpHandler.CONTAINERS.get();
                JsonNode response = JSON.readTree(second.invoke("EchoFunction", event));
                assertEquals(201, response.path("statusCode").asInt());
                JsonNode seen = JSON.readTree(response.path("body").asText());
                assertEquals("first", seen.path("environment").path("FROM_TEST").asText(), "ran in the running stack");
                assertEquals("POST /api/recommendations", seen.path("routeKey").asText());
                second.invoke("EchoFunction", event);
                first.invoke("EchoFunction", event);
                assertEquals(containers + 1, EchoHttpHandler.CONTAINERS.get(), "one container, warm for every later call");

                FunctionError refused = assertThrows(FunctionError.class, () -> second.invoke("FlakyFunction", "{\"bad\": true}"));
                assertEquals("java.lang.IllegalArgumentException", refused.errorType());
                assertEquals("bad input", refused.getMessage());
                FunctionError unknown = assertThrows(FunctionError.class, () -> second.invoke("NoSuchFunction", "{}"));
                assertEquals("ResourceNotFoundException", unknown.errorType());
            }
        }
    }

    @Test
    void aRecordLeftByAStackThatIsGoneIsIgnored() throws Exception {
        Files.createDirectories(state);
        Files.writeString(state.resolve("stack.json"),
                "{\"pid\": 2147483000, \"dynamo\": \"http://127.0.0.1:1\", \"s3\": \"http://127.0.0.1:2\"}");
        try (LocalStack stack = LocalStack.start(onDisk())) {
            assertTrue(stack.dynamoEndpoint().getPort() != 1);
            assertTrue(stack.dynamoClient().listTables().tableNames().contains("Things"));
        }
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack on a state directory: a second ./beats process joins the servers the first one runs. */
class LocalStackTest {

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

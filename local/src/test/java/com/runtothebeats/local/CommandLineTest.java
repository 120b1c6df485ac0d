package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./beats invoke} and {@code ./beats pipeline} as a user runs them, on the test project. */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private BeatsRun beats(String... args) {
        return BeatsRun.of(TestProject.ROOT, state, args);
    }

    @Test
    void invokePrintsTheResponseJsonAndStartsDynamoDbOnlyForAFunctionWhoseEnvironmentNamesATable() throws Exception {
        Path plainEvent = state.resolve("plain.json");
        Files.writeString(plainEvent, "{\"routeKey\": \"GET /things/special\"}");
        BeatsRun plain = beats("invoke", "PlainFunction", "--event", plainEvent.toString());
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertEquals("ok", JSON.readTree(plain.stdout()).get("status").asText());
        // PlainFunction names no table, so the on-demand stack neither starts DynamoDB Local nor starts it ahead
        assertTrue(Files.notExists(state.resolve("dynamodb")), "DynamoDB Local starts only for a function that may call it");

        Path event = state.resolve("event.json");
        Files.writeString(event, """
                {"version": "2.0", "routeKey": "GET /things/{id}", "rawPath": "/things/7", "rawQueryString": "",
                 "pathParameters": {"id": "7"},
                 "requestContext": {"http": {"method": "GET", "path": "/things/7"}, "stage": "test"},
                 "isBase64Encoded": false}
                """);
        BeatsRun run = beats("invoke", "EchoFunction", "--event", event.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode response = JSON.readTree(run.stdout());
        assertEquals(201, response.get("statusCode").asInt());
        JsonNode seen = JSON.readTree(response.get("body").asText());
        assertEquals("7", seen.get("pathParameters").get("id").asText());
        assertEquals("Things", seen.get("environment").get("THINGS_TABLE").asText());
        assertTrue(Files.notExists(state.resolve("stack.json")), "the stack record is removed when the command ends");
    }

    @Test
    void invokeReportsABadEventAsAFunctionErrorAndAnUnknownFunctionClearly() throws Exception {
        Path event = state.resolve("broken.json");
        Files.writeString(event, "{\"version\": ");
        BeatsRun broken = beats("invoke", "EchoFunction", "--event", event.toString());
        assertEquals(1, broken.exitCode());
        assertEquals("Runtime.UnmarshalError", JSON.readTree(broken.stdout()).get("errorType").asText());

        BeatsRun unknown = beats("invoke", "NoSuchFunction");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("no function NoSuchFunction") && unknown.stderr().contains("EchoFunction"), unknown.stderr());
    }

    @Test
    void pipelineRunsTheStateMachineAndPrintsStepsAndCounts() throws Exception {
        Path dataset = state.resolve("tiny.csv");
        Files.writeString(dataset, "track_id\n1\n");
        BeatsRun run = beats("pipeline", "--dataset", dataset.toString(), "--run-id", "r-1");
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("Step"), run.stdout());
        assertTrue(run.stdout().contains("Succeeded"), run.stdout());
        assertTrue(run.stdout().contains("\"rows\":3"), run.stdout());
        assertTrue(run.stdout().contains(dataset.toString()), "the dataset path is the harvest source location");
    }

    @Test
    void pipelineWithoutADatasetSaysWhereToDownloadIt() {
        BeatsRun run = beats("pipeline", "--dataset", state.resolve("missing.csv").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("tidytuesday") && run.stderr().contains("spotify_songs.csv"), run.stderr());
    }
}

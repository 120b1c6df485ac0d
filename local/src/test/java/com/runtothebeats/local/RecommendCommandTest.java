package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.standins.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./beats recommend} on the project's own template, with real tracks in the local tracks table. */
class RecommendCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path state;

    private BeatsRun beats(String... args) {
        return BeatsRun.of(PROJECT, state, args);
    }

    @Test
    void withoutAPipelineRunItSaysToRunThePipeline() {
        BeatsRun run = beats("recommend", "--tempo", "165", "--minutes", "20");
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("./beats pipeline"), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void jsonIsExactlyTheApisResponseBodyAndTheTableShowsTheSamePlaylist() throws Exception {
        Path csv = ProjectFiles.trainingSplit();
        assertTrue(Files.isRegularFile(csv), "the real dataset is needed at " + csv.toAbsolutePath());
        List<Track> near165 = DatasetTracks.read(csv).stream()
                .filter(t -> Math.abs(t.tempo() - 165) <= 3 || Math.abs(t.tempo() - 82.5) <= 1.5).toList();
        try (LocalStack local = LocalStack.start(LocalStack.Options.forProject(PROJECT, state))) {
            new DynamoTrackCatalog(local.dynamoClient(), local.tableName("TracksTable")).putAll(near165, "test");
        }

        BeatsRun json = beats("recommend", "--tempo", "165", "--minutes", "20", "--beam", "4", "--format", "json");
        assertEquals(0, json.exitCode(), json.stderr());
        JsonNode body = JSON.readTree(json.stdout());
        assertTrue(body.get("tracks").size() >= 4);
        for (JsonNode t : body.get("tracks")) {
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - 165) <= 2, t.toString());
        }
        assertEquals(4, body.get("summary").get("beamWidth").asInt());

        // The same request as an API event through `beats invoke`: the response's body is what the CLI printed.
        Path event = state.resolve("event.json");
        Files.writeString(event, RecommendCommand.event((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                "{\"target\":{\"type\":\"tempo\",\"bpm\":165.0},\"plan\":{\"type\":\"steady\"},\"minutes\":20.0,"
                        + "\"options\":{\"fold\":true,\"beamWidth\":4}}")).toString());
        BeatsRun invoke = beats("invoke", "RecommendFunction", "--event", event.toString());
        assertEquals(0, invoke.exitCode(), invoke.stderr());
        assertEquals(JSON.readTree(invoke.stdout()).get("body").asText().strip(), json.stdout().strip());

        BeatsRun table = beats("recommend", "--tempo", "165", "--minutes", "20", "--beam", "4");
        assertEquals(0, table.exitCode(), table.stderr());
        String firstName = body.get("tracks").get(0).get("name").asText();
        assertTrue(table.stdout().contains(firstName.length() > 30 ? firstName.substring(0, 30) : firstName), table.stdout());
        assertTrue(table.stdout().contains("harmonic 100%"), table.stdout());

        BeatsRun bad = beats("recommend", "--tempo", "300", "--minutes", "20");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("target.bpm") && bad.stderr().contains("--tempo"), bad.stderr());
        BeatsRun badIntervals = beats("recommend", "--tempo", "165", "--intervals", "4y175");
        assertEquals(2, badIntervals.exitCode());
        assertTrue(badIntervals.stderr().contains("--intervals"), badIntervals.stderr());
    }

    @Test
    void optionsBecomeTheRequestBody() throws Exception {
        CommandLine cl = new CommandLine(new RecommendCommand());
        cl.parseArgs("--cadence", "172", "--intervals", "4x175:2x", "--minutes", "42", "--seed", "a", "--seed", "b",
                "--no-fold", "--beam", "16", "--tolerance", "3", "--harmony", "prefer");
        JsonNode body = ((RecommendCommand) cl.getCommand()).body();
        assertEquals(JSON.readTree("""
                {"target":{"type":"cadence","stepsPerMinute":172.0},
                 "plan":{"type":"intervals","blocks":[{"minutes":4.0,"bpm":175.0},{"minutes":2.0}]},
                 "minutes":42.0,"seedTrackIds":["a","b"],
                 "options":{"fold":false,"beamWidth":16,"tempoToleranceBpm":3.0,"harmony":"prefer"}}"""), body);
        cl.parseArgs("--heart-rate", "150", "--ramp", ":175");
        assertEquals(JSON.readTree("""
                {"target":{"type":"heartRate","bpm":150.0},"plan":{"type":"ramp","toBpm":175.0},"minutes":60.0,
                 "options":{"fold":true}}"""), ((RecommendCommand) cl.getCommand()).body());
    }

    @Test
    void sourceBecomesTheRequestsSourceAndTheApisComplaintNamesTheOption() throws Exception {
        CommandLine cl = new CommandLine(new RecommendCommand());
        cl.parseArgs("--tempo", "160", "--minutes", "30", "--source", "Library", "--runner", "runner-9");
        assertEquals("library", ((RecommendCommand) cl.getCommand()).body().get("source").asText());
        assertEquals("--source", RecommendCommand.optionFor("source"));
        cl.parseArgs("--tempo", "160");
        assertEquals(null, ((RecommendCommand) cl.getCommand()).body().get("source"));
    }

    @Test
    void warmUpCoolDownAndLimitsBecomeTheirRequestFields() throws Exception {
        CommandLine cl = new CommandLine(new RecommendCommand());
        cl.parseArgs("--tempo", "165", "--warmup", "5", "--cooldown", "5", "--no-explicit", "--exclude-artist", "Flume",
                "--exclude-artist", "Drake", "--exclude-track", "6xGDXrZQoisoWkKWsgplcZ", "--released-from", "2010",
                "--released-to", "2019", "--energy-min", "0.4", "--energy-max", "0.95", "--energy-floor", "0.6");
        assertEquals(JSON.readTree("""
                {"target":{"type":"tempo","bpm":165.0},"plan":{"type":"steady"},"minutes":60.0,
                 "options":{"fold":true,"energyFloor":0.6},"warmupMinutes":5.0,"cooldownMinutes":5.0,
                 "exclude":{"explicit":true,"artists":["Flume","Drake"],"trackIds":["6xGDXrZQoisoWkKWsgplcZ"]},
                 "releasedFrom":2010,"releasedTo":2019,"energy":{"min":0.4,"max":0.95}}"""), ((RecommendCommand) cl.getCommand()).body());
        assertEquals("--warmup", RecommendCommand.optionFor("warmupMinutes"));
        assertEquals("--exclude-artist", RecommendCommand.optionFor("exclude.artists[1]"));
        assertEquals("--energy-floor", RecommendCommand.optionFor("options.energyFloor"));
    }
}

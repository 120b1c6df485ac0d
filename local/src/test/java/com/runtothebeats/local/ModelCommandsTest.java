package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.model.FlowModelTrainer;
import com.runtothebeats.model.ModelArtifacts;
import com.runtothebeats.model.ModelStore;
import com.runtothebeats.model.TrainingOptions;
import com.runtothebeats.standins.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./beats predict-next} and {@code ./beats evaluate} on the project's own template and a local stack. */
class ModelCommandsTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run beats(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = BeatsCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--project", PROJECT.toString(), "--state", state.toString()));
            int code = commandLine.execute(all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err + errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static Path realFile() {
        Path file = ProjectFiles.trainingSplit();
        assertTrue(Files.isRegularFile(file), "the real dataset is needed at " + file.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        return file;
    }

    /** Trains a small model on real playlists and promotes it in the stack's data bucket, as the pipeline would. */
    private void promoteASmallModel() throws Exception {
        List<PlaylistSequence> all;
        try (InputStream in = Files.newInputStream(realFile())) {
            all = DatasetPlaylists.read(in).playlists();
        }
        List<PlaylistSequence> fixture = IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get)
                .map(p -> new PlaylistSequence(p.playlistId(), p.genre(), p.subgenre(), p.tracks().subList(0, Math.min(20, p.tracks().size()))))
                .toList();
        FeatureTransform transform = FeatureTransform.fit("cli", fixture.stream().flatMap(p -> p.tracks().stream()).map(Track::features).toList());
        FlowModelTrainer.Trained trained = new FlowModelTrainer(new TrainingOptions(8, 0.1f, 0.01f, 0.01f, 8, 3, 2, 0.25, 5L))
                .train(fixture, transform, "cli-model");
        Path artifact = state.resolve("artifact");
        ModelArtifacts.save(trained, new ModelArtifacts.Provenance("cli", "-", "-"), artifact);
        trained.model().close();
        try (LocalStack local = LocalStack.start(LocalStack.Options.forProject(PROJECT, state))) {
            ModelStore store = new ModelStore(LocalModels.blobs(local));
            store.upload("cli-model", artifact);
            store.promote("cli-model");
        }
    }

    @Test
    void predictNextAndEvaluateUseThePromotedModel() throws Exception {
        List<DatasetRow> rows;
        try (InputStream in = Files.newInputStream(realFile())) {
            rows = new ArrayList<>(PlaylistDatasetCsv.readAll(in).subList(0, 120));
        }
        List<String> broken = new ArrayList<>(rows.get(3).values());
        broken.set(DatasetColumn.ENERGY.ordinal(), "1.7");
        rows.set(3, new DatasetRow(rows.get(3).line(), broken));
        Path csv = state.resolve("playlists.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            PlaylistDatasetCsv.write(rows, out);
        }

        Run none = beats("evaluate", "--playlists", csv.toString());
        assertEquals(2, none.exitCode(), none.stderr());
        assertTrue(none.stderr().contains("no promoted sequence model"), none.stderr());

        promoteASmallModel();
        Run predicted = beats("predict-next", "--playlists", csv.toString());
        assertEquals(0, predicted.exitCode(), predicted.stderr());
        assertTrue(predicted.stderr().contains("line 5: energy must be within"), predicted.stderr());
        String[] lines = predicted.stdout().strip().split("\n");
        long blocks = rows.stream().map(DatasetRow::playlistKey).distinct().count();
        assertEquals(rows.size() - blocks - 1, lines.length, "one line per position after the first, the bad row left out");
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals(1, first.get("position").asInt());
        assertEquals(rows.get(1).get(DatasetColumn.TRACK_ID), first.get("track_id").asText());
        assertEquals(8, first.get("predicted").size());

        Run evaluated = beats("evaluate", "--playlists", csv.toString());
        assertEquals(0, evaluated.exitCode(), evaluated.stderr());
        for (String row : List.of("model cli-model", "global-mean", "last-track", "running-mean", "running-median", "HitRate@10")) {
            assertTrue(evaluated.stdout().contains(row), evaluated.stdout());
        }
        assertFalse(evaluated.stdout().contains("hindsight"), "the yardstick only when asked for");
        Run withHeadroom = beats("evaluate", "--playlists", csv.toString(), "--headroom");
        assertEquals(0, withHeadroom.exitCode(), withHeadroom.stderr());
        String[] table = withHeadroom.stdout().strip().split("\n");
        assertTrue(table[table.length - 1].startsWith("hindsight (not a predictor)"), withHeadroom.stdout());
    }
}

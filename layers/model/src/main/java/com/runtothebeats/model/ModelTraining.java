package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.flow.FlowMetrics;
import com.runtothebeats.core.flow.NextTrackEvaluation;
import com.runtothebeats.core.flow.PromotionGate;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's Train step: reads a Transform run's playlist sequences and fitted transform from the
 * data bucket, trains, stores the artifact under {@code models/<version>/}, scores the currently promoted
 * model on the same validation playlists and applies the {@link PromotionGate}. It never promotes by
 * itself: the state machine's Choice does that through the Promote step, so the decision is visible there.
 */
public final class ModelTraining {

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BlobStore blobs;
    private final ModelStore models;
    private final Path workDir;
    private final TrainingOptions options;
    private final Clock clock;

    public ModelTraining(BlobStore blobs, Path workDir, TrainingOptions options, Clock clock) {
        this.blobs = blobs;
        this.models = new ModelStore(blobs);
        this.workDir = workDir;
        this.options = options;
        this.clock = clock;
    }

    /** The promoted model's version and its metrics on the new model's validation playlists. */
    public record CurrentModelMetrics(String version, FlowMetrics metrics) {
    }

    /** The Train step's output (besides what the state machine carries over from Transform). */
    public record Outcome(String runId, String modelVersion, String manifestKey, FlowMetrics metrics,
                          Map<String, FlowMetrics> baselines, CurrentModelMetrics current, boolean promote,
                          List<String> reasons, int trainingPlaylists, int validationPlaylists, int epochs,
                          double trainingSeconds) {
    }

    public Outcome train(String runId, String transformKey, String sequencesKey) {
        FeatureTransform transform = ModelArtifacts.readJson(blobs.get(transformKey).orElseThrow(
                () -> new InvalidInputException("transformKey", "no feature transform is stored at " + transformKey)),
                FeatureTransform.class);
        List<PlaylistSequence> playlists = readSequences(sequencesKey);
        String version = runId + "-" + VERSION_TIME.format(clock.instant());
        FlowModelTrainer.Trained trained;
        try {
            trained = new FlowModelTrainer(options).train(playlists, transform, version);
        } catch (NotEnoughPlaylistsException e) {
            // a catalog too small to learn from is still a catalog: the run ends NotPromoted, not failed
            return new Outcome(runId, null, null, null, Map.of(), null, false, List.of(e.getMessage()),
                    0, 0, 0, 0);
        }
        try (FlowSequenceModel model = trained.model()) {
            Path dir = workDir.resolve("trained").resolve(version);
            ModelArtifacts.save(trained, new ModelArtifacts.Provenance(runId, transformKey, sequencesKey), dir);
            models.upload(version, dir);
            deleteQuietly(dir); // /tmp is small on Lambda and the artifact now lives in the bucket
            CurrentModelMetrics current = scoreCurrent(trained, transform);
            TrainingReport report = trained.report();
            PromotionGate.Decision decision = PromotionGate.decide(report.validation(), report.baselines(),
                    current == null ? null : current.metrics());
            return new Outcome(runId, version, ModelStore.manifestKey(version), report.validation(), report.baselines(),
                    current, decision.promote(), decision.reasons(), report.trainingPlaylists(),
                    report.validationPlaylists(), report.epochsRun(), report.seconds());
        }
    }

    private CurrentModelMetrics scoreCurrent(FlowModelTrainer.Trained trained, FeatureTransform transform) {
        Optional<ModelStore.CurrentModel> pointer = models.current();
        if (pointer.isEmpty()) {
            return null;
        }
        String version = pointer.get().version();
        try (FlowSequenceModel current = ModelArtifacts.load(models.download(version, workDir.resolve("current")))) {
            NextTrackEvaluation evaluation = new NextTrackEvaluation(transform, trained.split().validation());
            return new CurrentModelMetrics(version, evaluation.evaluate(RestandardisedModel.into(current, transform)));
        }
    }

    private List<PlaylistSequence> readSequences(String key) {
        InputStream stream = blobs.open(key).orElseThrow(
                () -> new InvalidInputException("sequencesKey", "no playlist sequences are stored at " + key));
        List<PlaylistSequence> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(ModelArtifacts.readJson(line.getBytes(StandardCharsets.UTF_8), PlaylistSequence.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // /tmp is cleared with the container anyway
        }
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.flow.FlowMetrics;
import com.runtothebeats.core.flow.NextTrackBaseline;
import com.runtothebeats.core.flow.NextTrackRanking;
import com.runtothebeats.core.flow.RankingMetrics;
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
 * data bucket, trains the flow model (predict-next) and the ranking model on the same by-playlist split,
 * stores both under {@code models/<version>/}, scores the currently promoted version on the same validation
 * playlists and applies the {@link PromotionGate}. It never promotes by
 * itself: the state machine's Choice does that through the Promote step, so the decision is visible there.
 */
public final class ModelTraining {

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BlobStore blobs;
    private final ModelStore models;
    private final Path workDir;
    private final TrainingOptions options;
    private final RankingOptions rankingOptions;
    private final Clock clock;

    public ModelTraining(BlobStore blobs, Path workDir, TrainingOptions options, Clock clock) {
        this(blobs, workDir, options, RankingOptions.defaults(), clock);
    }

    public ModelTraining(BlobStore blobs, Path workDir, TrainingOptions options, RankingOptions rankingOptions, Clock clock) {
        this.blobs = blobs;
        this.models = new ModelStore(blobs);
        this.workDir = workDir;
        this.options = options;
        this.rankingOptions = rankingOptions;
        this.clock = clock;
    }

    /**
     * The promoted model's version and its metrics on the new model's validation playlists.
     *
     * @param ranking its ranking model's metrics; null when that version has no ranking model
     */
    public record CurrentModelMetrics(String version, FlowMetrics metrics, RankingMetrics ranking) {
    }

    /**
     * The Train step's output (besides what the state machine carries over from Transform).
     *
     * @param metrics          the flow model (predict-next) on the validation playlists
     * @param ranking          the ranking model on the same playlists, all their tracks as candidates
     * @param rankingBaselines the ranking baselines there
     */
    public record Outcome(String runId, String modelVersion, String manifestKey, FlowMetrics metrics,
                          Map<String, FlowMetrics> baselines, RankingMetrics ranking,
                          Map<String, RankingMetrics> rankingBaselines, CurrentModelMetrics current, boolean promote,
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
            return notPromoted(runId, e);
        }
        RankingModelTrainer.Trained ranking;
        try {
            ranking = new RankingModelTrainer(rankingOptions, epoch -> { }).train(trained.split(), transform, version);
        } catch (NotEnoughPlaylistsException e) {
            trained.model().close();
            return notPromoted(runId, e);
        }
        try (FlowSequenceModel model = trained.model(); RankingModel rankingModel = ranking.model()) {
            Path dir = workDir.resolve("trained").resolve(version);
            ModelArtifacts.save(trained, ranking, new ModelArtifacts.Provenance(runId, transformKey, sequencesKey), dir);
            models.upload(version, dir);
            deleteQuietly(dir); // /tmp is small on Lambda and the artifact now lives in the bucket
            CurrentModelMetrics current = scoreCurrent(trained, transform);
            TrainingReport report = trained.report();
            RankingReport rankingReport = ranking.report();
            PromotionGate.Decision decision = PromotionGate.decide(rankingReport.validation(), rankingReport.baselines(),
                    current == null ? null : current.ranking(), report.validation(),
                    report.baselines().get(NextTrackBaseline.Kind.RUNNING_MEDIAN.label()));
            return new Outcome(runId, version, ModelStore.manifestKey(version), report.validation(), report.baselines(),
                    rankingReport.validation(), rankingReport.baselines(), current, decision.promote(), decision.reasons(),
                    report.trainingPlaylists(), report.validationPlaylists(), report.epochsRun() + rankingReport.epochsRun(),
                    report.seconds() + rankingReport.seconds());
        }
    }

    /** A catalog too small to learn from is still a catalog: the run ends NotPromoted, not failed. */
    private static Outcome notPromoted(String runId, NotEnoughPlaylistsException e) {
        return new Outcome(runId, null, null, null, Map.of(), null, Map.of(), null, false, List.of(e.getMessage()), 0, 0, 0, 0);
    }

    private CurrentModelMetrics scoreCurrent(FlowModelTrainer.Trained trained, FeatureTransform transform) {
        Optional<ModelStore.CurrentModel> pointer = models.current();
        if (pointer.isEmpty()) {
            return null;
        }
        String version = pointer.get().version();
        Path dir = models.download(version, workDir.resolve("current"));
        try (FlowSequenceModel current = ModelArtifacts.load(dir)) {
            NextTrackEvaluation evaluation = new NextTrackEvaluation(transform, trained.split().validation());
            FlowMetrics flow = evaluation.evaluate(RestandardisedModel.into(current, transform));
            RankingMetrics ranking = ModelArtifacts.loadRanking(dir).map(model -> {
                try (model) {
                    // the current ranking model keeps its own transform: it standardises candidates itself
                    return new NextTrackRanking(trained.split().validation(),
                            NextTrackRanking.tracksOf(trained.split().validation())).evaluate(model);
                }
            }).orElse(null);
            return new CurrentModelMetrics(version, flow, ranking);
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

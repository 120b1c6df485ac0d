package com.runtothebeats.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.flow.RankingMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranking model's part of a model folder: {@code ranking-0000.params} (DJL), {@code ranking-statistics.bin}
 * (vocabularies and playlist counts, {@link PlaylistStatistics}), {@code ranking-weights.bin} (the same parameters
 * as plain arrays, {@link RankingWeights}, what the recommender serves from) and its section of the manifest. A
 * folder saved before the ranking model existed has no section, and {@link #load} answers empty for it.
 */
public final class RankingArtifacts {

    static final String STATISTICS_FILE = "ranking-statistics.bin";
    static final String WEIGHTS_FILE = "ranking-weights.bin";

    private RankingArtifacts() {
    }

    /**
     * The manifest's ranking section.
     *
     * @param parameters   DJL parameters file in the folder
     * @param statistics   the statistics file in the folder
     * @param weights      the plain weights file in the folder (null in folders saved before it)
     * @param pairFeatures the pair features, in the order of the pair weights
     * @param validation   the model on its validation playlists (all their tracks as candidates)
     * @param baselines    the ranking baselines on the same playlists
     */
    public record Section(String parameters, String statistics, String weights, RankingShape shape, List<String> pairFeatures, String loss,
                          RankingMetrics validation, Map<String, RankingMetrics> baselines, RankingOptions options,
                          int trainingPlaylists, int validationPlaylists, int candidates, int epochsRun, int bestEpoch,
                          double seconds) {
    }

    static Section save(RankingModelTrainer.Trained trained, Path dir) throws IOException {
        RankingModel model = trained.model();
        model.djlModel().save(dir, RankingModelTrainer.MODEL_NAME);
        model.plain().weights().write(dir.resolve(WEIGHTS_FILE));
        StatisticsFile.write(model.statistics(), dir.resolve(STATISTICS_FILE));
        RankingReport r = trained.report();
        return new Section(RankingModelTrainer.MODEL_NAME + "-0000.params", STATISTICS_FILE, WEIGHTS_FILE, trained.shape(),
                PlaylistHistory.FEATURES, "sampled softmax (InfoNCE) over same-genre in-batch and uniform catalog negatives",
                r.validation(), r.baselines(), r.options(), r.trainingPlaylists(), r.validationPlaylists(), r.candidates(),
                r.epochsRun(), r.bestEpoch(), r.seconds());
    }

    /** The ranking model of a model folder with its engine (training, evaluation, rank-next), when it has one. */
    static Optional<RankingModel> load(Path dir, ModelManifest manifest, FeatureTransform transform) {
        Section section = manifest.ranking();
        if (section == null) {
            return Optional.empty();
        }
        try {
            PlaylistStatistics statistics = StatisticsFile.read(dir.resolve(section.statistics()));
            Model model = Model.newInstance(RankingModelTrainer.MODEL_NAME, Device.cpu(), FlowModelTrainer.ENGINE);
            model.setBlock(section.shape().build());
            model.load(dir, RankingModelTrainer.MODEL_NAME);
            return Optional.of(new RankingModel(model, statistics, transform, manifest.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the ranking model in " + dir, e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the ranking model in " + dir + " does not match its manifest", e);
        }
    }

    /**
     * The ranking model of a model folder for serving, when it has one: from its plain weights, without loading
     * the native engine. A folder saved before the weights file existed is loaded with the engine once and its
     * weights written into the folder (a local cache copy), so later loads from it skip the engine too; statistics
     * in the first file format are rewritten in the mapped one the same way ({@link StatisticsFile}).
     */
    static Optional<PlainRankingModel> loadPlain(Path dir, ModelManifest manifest, FeatureTransform transform) {
        Section section = manifest.ranking();
        if (section == null) {
            return Optional.empty();
        }
        Path weights = dir.resolve(section.weights() == null ? WEIGHTS_FILE : section.weights());
        if (!Files.exists(weights)) {
            try (RankingModel model = load(dir, manifest, transform).orElseThrow()) {
                PlainRankingModel plain = model.plain();
                plain.weights().write(weights);
            }
        }
        return Optional.of(new PlainRankingModel(manifest.version(), StatisticsFile.readForServing(dir.resolve(section.statistics())),
                transform, RankingWeights.read(weights)));
    }
}

package com.runtothebeats.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The on-disk form of a trained model: a folder with the DJL parameters, {@code manifest.json} and
 * {@code feature-transform.json}. The same folder is what goes to {@code models/<version>/} in S3 and
 * what the serving side unpacks into its cache.
 */
public final class ModelArtifacts {

    public static final String TRANSFORM_FILE = "feature-transform.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelArtifacts() {
    }

    /** Where the model was trained from, for the manifest. */
    public record Provenance(String trainingRunId, String transformKey, String sequencesKey) {
    }

    /** Writes a flow model without a ranking model (fixtures of the flow model's own tests). */
    public static ModelManifest save(FlowModelTrainer.Trained trained, Provenance provenance, Path dir) {
        return save(trained, null, provenance, dir);
    }

    /** Writes the trained models and their manifest into {@code dir}; returns the manifest. */
    public static ModelManifest save(FlowModelTrainer.Trained trained, RankingModelTrainer.Trained ranking,
                                     Provenance provenance, Path dir) {
        try {
            Files.createDirectories(dir);
            FlowSequenceModel model = trained.model();
            model.saveParameters(dir);
            FeatureTransform transform = model.transform();
            JSON.writeValue(dir.resolve(TRANSFORM_FILE).toFile(), transform);
            JSON.writeValue(dir.resolve(SubgenrePriors.FILE).toFile(), model.priors());
            TrainingReport report = trained.report();
            RankingArtifacts.Section rankingSection = ranking == null ? null : RankingArtifacts.save(ranking, dir);
            ModelManifest manifest = new ModelManifest(model.version(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    provenance.trainingRunId(), transform.version(), provenance.transformKey(), provenance.sequencesKey(),
                    FlowModelTrainer.MODEL_NAME + "-0000.params", TRANSFORM_FILE, trained.shape(), model.inwardShare(),
                    FlowInputEncoding.INPUTS, FlowFeature.columnNames(),
                    "standardised (Yeo-Johnson + z-score) offset of the next track from the running median of the history",
                    report.validation(), report.baselines(), ModelManifest.TrainingSummary.of(report), libraries(),
                    rankingSection);
            JSON.writeValue(dir.resolve(ModelManifest.FILE).toFile(), manifest);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelManifest readManifest(Path dir) {
        try {
            return JSON.readValue(dir.resolve(ModelManifest.FILE).toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model manifest in " + dir, e);
        }
    }

    /** Loads a saved model for serving. */
    public static FlowSequenceModel load(Path dir) {
        ModelManifest manifest = readManifest(dir);
        try {
            FeatureTransform transform = JSON.readValue(dir.resolve(manifest.transformFile()).toFile(), FeatureTransform.class);
            Model model = Model.newInstance(FlowModelTrainer.MODEL_NAME, Device.cpu(), FlowModelTrainer.ENGINE);
            model.setBlock(manifest.network().build());
            model.load(dir, FlowModelTrainer.MODEL_NAME);
            Path priorsFile = dir.resolve(SubgenrePriors.FILE);
            // models saved before the prior was an input have no priors file and read 44 inputs per step
            SubgenrePriors priors = Files.exists(priorsFile)
                    ? JSON.readValue(priorsFile.toFile(), SubgenrePriors.class) : SubgenrePriors.NONE;
            return new FlowSequenceModel(model, transform, manifest.version(), manifest.inwardShare(), priors,
                    manifest.network().inputSize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model in " + dir, e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the model in " + dir + " does not match its manifest", e);
        }
    }

    /** The ranking model of a saved folder; empty for folders saved before the ranking model existed. */
    public static java.util.Optional<RankingModel> loadRanking(Path dir) {
        ModelManifest manifest = readManifest(dir);
        try {
            FeatureTransform transform = JSON.readValue(dir.resolve(manifest.transformFile()).toFile(), FeatureTransform.class);
            return RankingArtifacts.load(dir, manifest, transform);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the ranking model in " + dir, e);
        }
    }

    /** The ranking model of a saved folder for serving, without the native engine; empty as {@link #loadRanking}. */
    public static java.util.Optional<PlainRankingModel> loadPlainRanking(Path dir) {
        ModelManifest manifest = readManifest(dir);
        try {
            FeatureTransform transform = JSON.readValue(dir.resolve(manifest.transformFile()).toFile(), FeatureTransform.class);
            return RankingArtifacts.loadPlain(dir, manifest, transform);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the ranking model in " + dir, e);
        }
    }

    static <T> T readJson(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static Map<String, String> libraries() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("djl", ai.djl.engine.Engine.getDjlVersion());
        out.put("engine", FlowModelTrainer.ENGINE + " " + ai.djl.engine.Engine.getEngine(FlowModelTrainer.ENGINE).getVersion());
        out.put("java", System.getProperty("java.version"));
        return out;
    }
}

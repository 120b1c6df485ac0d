package com.runtothebeats.model.benchmark;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.model.FixtureModel;
import com.runtothebeats.model.FlowSequenceModel;
import com.runtothebeats.model.ModelArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serving speed: a warm prediction for one history, and loading a model from the local cache folder
 * (what a container does once after fetching it from S3; the engine's native library is already loaded,
 * as it is after the first model of a container). Run as documented in README "Sequence model".
 * {@code -Dbeats.model.dir=<artifact folder>} benchmarks a stored model (e.g. one under .beats/);
 * otherwise a small model (12 units) is trained on a real fixture first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SequenceModelBenchmark {

    @Param({"5", "20", "60"})
    public int historyLength;

    private Path artifact;
    private FlowSequenceModel model;
    private List<AudioFeatures> history;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String stored = System.getProperty("beats.model.dir");
        if (stored != null) {
            artifact = Path.of(stored);
        } else {
            artifact = Files.createTempDirectory("beats-benchmark-model");
            ModelArtifacts.save(FixtureModel.trained(), new ModelArtifacts.Provenance("benchmark", "-", "-"), artifact);
        }
        model = ModelArtifacts.load(artifact);
        history = FixtureModel.fixture().stream().filter(p -> p.tracks().size() >= 40).findFirst().orElseThrow()
                .tracks().stream().map(Track::features).toList();
        List<AudioFeatures> longer = new java.util.ArrayList<>(history);
        while (longer.size() < historyLength) {
            longer.addAll(history);
        }
        history = longer.subList(0, historyLength);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    @Benchmark
    public double[] warmPredictionForOneHistory() {
        return model.predictNext(history);
    }

    @Benchmark
    public String loadFromLocalCache() {
        try (FlowSequenceModel loaded = ModelArtifacts.load(artifact)) {
            return loaded.version();
        }
    }
}

package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.model.ModelArtifacts;
import com.runtothebeats.model.PlainRankingModel;
import com.runtothebeats.model.RankingScorer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The promoted ranking model on the serving side, from a model folder that the real Train wrote (the local cache
 * copy of a promoted version: {@code -Dbeats.model.dir=<folder>} or {@code BEATS_MODEL_DIR}, e.g.
 * {@code /tmp/x/state/model-cache/<version>} after {@code ./beats pipeline --state /tmp/x/state} and one
 * recommendation): loading it as a Recommend container does once per version (plain weights and statistics, no
 * native engine), loading it and preparing it for the real catalog (v(t) for every track), the same load as the
 * first thing a fresh JVM does, and a 60-minute playlist with it as the flow term on the real catalog and on a
 * synthetic catalog of a million tracks. Sample-time mode, so JMH reports p50/p90.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class RankingModelBenchmark {

    static Path modelFolder() {
        String dir = System.getProperty("beats.model.dir", System.getenv("BEATS_MODEL_DIR"));
        if (dir == null || !Files.exists(Path.of(dir, "manifest.json"))) {
            throw new IllegalStateException("-Dbeats.model.dir (or BEATS_MODEL_DIR) must name a model folder with a manifest.json, not " + dir);
        }
        return Path.of(dir);
    }

    static PlainRankingModel load(Path folder) {
        return ModelArtifacts.loadPlainRanking(folder)
                .orElseThrow(() -> new IllegalStateException(folder + " holds no ranking model (trained before it existed)"));
    }

    @State(Scope.Benchmark)
    public static class Folder {
        Path folder;
        TempoIndex catalog;

        @Setup(Level.Trial)
        public void find() {
            folder = modelFolder();
            List<Track> real = TrainingSplit.read();
            catalog = TempoIndex.build(real, TrainingSplit.transform(real));
            load(folder); // a folder of the first statistics format is rewritten here once, not in the measured loads
        }
    }

    @State(Scope.Benchmark)
    public static class Catalog {

        /** "real" (the training split) or the number of synthetic tracks. */
        @Param({"real", "1000000"})
        public String catalog;

        /** steady 165 BPM or a ramp 150→175, two of the done-means requests. */
        @Param({"steady", "ramp"})
        public String plan;

        RecommendationService service;
        RecommendationRequest request;

        @Setup(Level.Trial)
        public void load() {
            TempoIndex index = TrainingSplit.index(catalog);
            long started = System.nanoTime();
            RankingScorer scorer = RankingScorer.prepare(RankingModelBenchmark.load(modelFolder()), index);
            long prepared = System.nanoTime();
            Optional<NextTrackScorer> flow = Optional.of(scorer);
            service = new RecommendationService(new PlaylistBuilder(index, Optional::empty, () -> flow));
            service.prepareSearch();
            boolean ramp = plan.equals("ramp");
            request = new RecommendationRequest(TargetTempo.explicit(ramp ? 150 : 165, "target.bpm"),
                    ramp ? new TempoPlan.Request("ramp", 150.0, 175.0, null) : TempoPlan.Request.steady(), 60.0, List.of(),
                    PlaylistOptions.DEFAULTS);
            Recommendation first = service.recommend(request);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("%n[catalog %s: %d tracks, model %s prepared in %d ms; %s: %d tracks, dominant genre %s;"
                            + " heap in use after GC %d MB of max %d MB]%n", catalog, index.size(), scorer.version(),
                    (prepared - started) / 1_000_000, plan, first.tracks().size(), first.summary().dominantGenre(), used >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    @Benchmark
    public PlainRankingModel loadFromLocalCache(Folder state) {
        return load(state.folder);
    }

    @Benchmark
    public RankingScorer loadAndPrepareForTheRealCatalog(Folder state) {
        return RankingScorer.prepare(load(state.folder), state.catalog);
    }

    /** The load as a cold container's first request does it: a fresh JVM each fork, nothing loaded or compiled yet. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
    public PlainRankingModel firstLoadInAFreshJvm() {
        return load(modelFolder());
    }

    /** A Recommend container's JVM at its first playlist: Jackson already set up by the handler reading the request. */
    @State(Scope.Benchmark)
    public static class ContainerJvm {
        @Setup(Level.Trial)
        public void readARequest() throws Exception {
            com.runtothebeats.lambda.Json.MAPPER.readTree("{\"target\":{\"bpm\":165},\"minutes\":60}");
        }
    }

    /** The same first load in a JVM whose handler has already used Jackson (as RecommendFunction has by then). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
    public PlainRankingModel firstLoadInARecommendContainer(ContainerJvm jvm) {
        return load(modelFolder());
    }

    @Benchmark
    public String recommendSixtyMinutesWithTheModel(Catalog state) throws Exception {
        return com.runtothebeats.lambda.Json.MAPPER.writeValueAsString(state.service.recommend(state.request));
    }
}

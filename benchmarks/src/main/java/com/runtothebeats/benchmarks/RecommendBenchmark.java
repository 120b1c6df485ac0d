package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.lambda.Json;
import java.lang.management.ManagementFactory;
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
 * A 60-minute recommendation, request to JSON response body (what RecommendFunction does per request once
 * its container is warm), on the real training catalog and on a synthetic catalog of a million tracks
 * drawn from its distributions. Sample-time mode, so JMH reports p50/p90/p99. The synthetic runs fork with
 * {@code -Xmx512m}: the million-track index and the search must fit in that heap.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class RecommendBenchmark {

    @State(Scope.Benchmark)
    public static class Catalog {

        /** "real" (the training split) or the number of synthetic tracks. */
        @Param({"real", "1000000"})
        public String catalog;

        /** steady 165 BPM, ramp 150→175, or intervals 4 min at 175 / 2 min at 150. */
        @Param({"steady", "ramp", "intervals"})
        public String plan;

        RecommendationService service;
        RecommendationRequest request;

        @Setup(Level.Trial)
        public void load() {
            Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../shared/data"), "spotify", "spotify_songs_train.csv");
            List<Track> real = DatasetTracks.read(csv);
            FeatureTransform transform = FeatureTransform.fit("benchmark", real.stream().map(Track::features).toList());
            List<Track> tracks = catalog.equals("real") ? real : SyntheticCatalog.draw(real, Integer.parseInt(catalog), 42);
            real = null;
            TempoIndex index = TempoIndex.build(tracks, transform);
            tracks = null;
            service = new RecommendationService(new PlaylistBuilder(index, Optional.empty()));
            TempoPlan.Request planRequest = switch (plan) {
                case "steady" -> TempoPlan.Request.steady();
                case "ramp" -> new TempoPlan.Request("ramp", 150.0, 175.0, null);
                case "intervals" -> new TempoPlan.Request("intervals", null, null,
                        List.of(new TempoPlan.BlockRequest(4.0, 175.0), new TempoPlan.BlockRequest(2.0, 150.0)));
                default -> throw new IllegalArgumentException(plan);
            };
            request = new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), planRequest, 60.0, List.of(), PlaylistOptions.DEFAULTS);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("%n[catalog %s: %d tracks indexed, heap in use after GC %d MB of max %d MB]%n", catalog,
                    index.size(), used >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    @Benchmark
    public String recommendSixtyMinutes(Catalog state) throws Exception {
        return Json.MAPPER.writeValueAsString(state.service.recommend(state.request));
    }
}

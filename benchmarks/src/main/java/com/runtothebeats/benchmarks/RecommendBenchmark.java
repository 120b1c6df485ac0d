package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.TrackListing;
import com.runtothebeats.core.playlist.LibraryIndex;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.playlist.TrackSource;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.lambda.Json;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
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
 * {@code -Xmx512m}: the million-track index and the search must fit in that heap. {@link #recommendFromLibrary}: the
 * same from a runner's library ({@link RunnersLibrary}). No model: flow against the previous track.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class RecommendBenchmark {

    /** A recommender and the request it answers, ready for the measured call. */
    abstract static class Prepared {
        RecommendationService service;
        RecommendationRequest request;

        String answer() throws Exception {
            return Json.MAPPER.writeValueAsString(service.recommend(request));
        }
    }

    @State(Scope.Benchmark)
    public static class Catalog extends Prepared {

        /** "real" (the training split) or the number of synthetic tracks. */
        @Param({"real", "1000000"})
        public String catalog;

        /** steady 165 BPM, ramp 150→175, or intervals 4 min at 175 / 2 min at 150. */
        @Param({"steady", "ramp", "intervals"})
        public String plan;

        @Setup(Level.Trial)
        public void load() {
            TempoIndex index = TrainingSplit.index(catalog);
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

    static final int LIBRARY_TRACKS = 2_000;

    /**
     * A runner's 2,000-track library, real tracks of the training split, whole artists (about one in ten), under ids
     * of their own as tracks the catalog does not know, every seventh known only by tempo and key (GetSongBPM), as an
     * import leaves them; the library index kept as a warm container keeps it (docs/library.md). {@code library}
     * searches only those; {@code mix} the library plus the catalog tracks close to its style.
     */
    @State(Scope.Benchmark)
    public static class RunnersLibrary extends Prepared {

        @Param({"library", "mix"})
        public String source;

        /** steady 165 BPM, or a ramp 150→170. */
        @Param({"steady", "ramp"})
        public String plan;

        @Setup(Level.Trial)
        public void load() {
            List<Track> real = TrainingSplit.read();
            TempoIndex catalog = TempoIndex.build(real, TrainingSplit.transform(real));
            LibraryIndex library = LibraryIndex.build("benchmark", library(catalog), catalog);
            service = new RecommendationService(new PlaylistBuilder(catalog, Optional.empty()));
            TempoPlan.Request planRequest = plan.equals("ramp") ? new TempoPlan.Request("ramp", 150.0, 170.0, null) : TempoPlan.Request.steady();
            request = new RecommendationRequest(TargetTempo.explicit(plan.equals("ramp") ? 150 : 165, "target.bpm"), planRequest, 60.0,
                    List.of(), PlaylistOptions.DEFAULTS).withSource(TrackSource.fromId(source)).withLibrary(library);
            Recommendation first = service.recommend(request); // builds the mix index, as the runner's first mix request does
            System.out.printf("%n[%d library tracks (%d with tempo and key), mix index %d tracks; %s %s: %d tracks, %d from the library]%n",
                    LIBRARY_TRACKS, library.tracks().size(), library.mix().get().size(), source, plan, first.tracks().size(),
                    first.summary().fromLibrary());
        }

        private static List<LibraryTrack> library(TempoIndex catalog) {
            List<LibraryTrack> out = new ArrayList<>();
            for (Track t : catalog.tracks()) {
                if (out.size() == LIBRARY_TRACKS) {
                    break;
                }
                if (Math.floorMod(t.songKey().primaryArtist().hashCode(), 10) != 0) {
                    continue;
                }
                TrackListing listing = new TrackListing("L" + t.id(), t.name(), List.of(t.artist()), t.album(), t.durationMs());
                AudioFeatures f = t.features();
                out.add(out.size() % 7 == 0
                        ? new LibraryTrack(listing, FeatureSource.GETSONGBPM, AudioFeatures.tempoAndKey(f.tempo(), f.key(), f.mode(), 0))
                        : new LibraryTrack(listing, FeatureSource.RECCOBEATS, f));
            }
            if (out.size() < LIBRARY_TRACKS) {
                throw new IllegalStateException("the dataset gave only " + out.size() + " library tracks");
            }
            return out;
        }
    }

    @Benchmark
    public String recommendSixtyMinutes(Catalog state) throws Exception {
        return state.answer();
    }

    @Benchmark
    public String recommendFromLibrary(RunnersLibrary state) throws Exception {
        return state.answer();
    }
}

package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshot;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat;
import com.runtothebeats.core.pipeline.CatalogSnapshotStore;
import com.runtothebeats.core.pipeline.RunId;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.lambda.Json;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes and loads a catalog snapshot, each in its own JVM, as Transform and a cold Recommend container do:
 * write time and size; load time (read + checksum + tracks), index time, heap in use after GC, and the p50 of
 * 20 sixty-minute playlists on the loaded index. Run the load with {@code -Xmx512m} to hold it to that heap.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.runtothebeats.benchmarks.SnapshotLoad write /tmp/c.snapshot real|N
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar com.runtothebeats.benchmarks.SnapshotLoad load /tmp/c.snapshot
 * </pre>
 */
public final class SnapshotLoad {

    private SnapshotLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../shared/data"), "spotify", "spotify_songs_train.csv");
            List<Track> real = DatasetTracks.read(csv);
            List<Track> tracks = args[2].equals("real") ? real : SyntheticCatalog.draw(real, Integer.parseInt(args[2]), 42);
            FeatureTransform transform = FeatureTransform.fit("bench", real.stream().map(Track::features).toList());
            Files.write(file.resolveSibling(file.getFileName() + ".transform.json"), Json.MAPPER.writeValueAsBytes(transform));
            long started = System.nanoTime();
            byte[] bytes = CatalogSnapshotStore.encode(new RunId("bench"), tracks, "transform.json", "bench");
            long encoded = System.nanoTime();
            Files.write(file, bytes);
            System.out.printf("wrote %d tracks: %.1f MB, encode %d ms%n", tracks.size(), bytes.length / 1e6, (encoded - started) / 1_000_000);
            return;
        }
        FeatureTransform transform = Json.MAPPER.readValue(
                file.resolveSibling(file.getFileName() + ".transform.json").toFile(), FeatureTransform.class);
        long started = System.nanoTime();
        CatalogSnapshot snapshot;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            snapshot = CatalogSnapshotFormat.read(in);
        }
        long read = System.nanoTime();
        TempoIndex index = TempoIndex.build(snapshot.tracks(), snapshot.songKeys(), transform);
        snapshot = null;
        long indexed = System.nanoTime();
        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, Optional.empty()));
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        RecommendationRequest request = new RecommendationRequest(TargetTempo.explicit(170, "target.bpm"),
                TempoPlan.Request.steady(), 60.0, List.of(), PlaylistOptions.DEFAULTS);
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            Json.MAPPER.writeValueAsString(service.recommend(request));
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("loaded %d tracks: read+check %d ms, index %d ms, load total %d ms; heap after GC %d MB of max %d MB;"
                        + " 60-min playlist p50 %d ms, max %d ms%n", index.size(), (read - started) / 1_000_000,
                (indexed - read) / 1_000_000, (indexed - started) / 1_000_000, heap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                times[times.length / 2] / 1_000_000, times[times.length - 1] / 1_000_000);
    }
}

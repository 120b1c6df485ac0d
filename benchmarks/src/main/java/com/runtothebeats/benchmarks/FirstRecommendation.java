package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.lambda.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A fresh JVM to its first recommendation: what a Recommend container without SnapStart does before it
 * can answer, phase by phase. The catalog comes from the dataset file here (on Lambda it is a parallel scan
 * of the tracks table) and the feature transform from its stored JSON, as on Lambda.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.runtothebeats.benchmarks.FirstRecommendation --write-transform /tmp/ft.json
 * java -cp benchmarks/target/benchmarks.jar com.runtothebeats.benchmarks.FirstRecommendation --transform /tmp/ft.json
 * </pre>
 */
public final class FirstRecommendation {

    private FirstRecommendation() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../shared/data"), "spotify", "spotify_songs_train.csv");
        List<Track> tracks = DatasetTracks.read(csv);
        long catalogAt = System.currentTimeMillis();
        FeatureTransform transform;
        if (args.length == 2 && args[0].equals("--write-transform")) {
            transform = FeatureTransform.fit("measure", tracks.stream().map(Track::features).toList());
            Files.write(Path.of(args[1]), Json.MAPPER.writeValueAsBytes(transform));
            System.out.println("wrote " + args[1]);
            return;
        } else if (args.length == 2 && args[0].equals("--transform")) {
            transform = Json.MAPPER.readValue(Files.readAllBytes(Path.of(args[1])), FeatureTransform.class);
        } else {
            transform = FeatureTransform.fit("measure", tracks.stream().map(Track::features).toList());
        }
        long transformAt = System.currentTimeMillis();
        RecommendationService service = new RecommendationService(new PlaylistBuilder(TempoIndex.build(tracks, transform), Optional.empty()));
        long indexAt = System.currentTimeMillis();
        Recommendation first = service.recommend(new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"),
                new TempoPlan.Request("ramp", 150.0, 175.0, null), 60.0, List.of(), PlaylistOptions.DEFAULTS));
        String body = Json.MAPPER.writeValueAsString(first);
        long firstAt = System.currentTimeMillis();
        System.out.printf("JVM start -> main        %5d ms%n", mainAt - jvmStart);
        System.out.printf("read catalog (%d tracks) %5d ms%n", tracks.size(), catalogAt - mainAt);
        System.out.printf("feature transform         %5d ms (%s)%n", transformAt - catalogAt, args.length == 2 ? "stored JSON" : "fitted");
        System.out.printf("tempo index               %5d ms%n", indexAt - transformAt);
        System.out.printf("first recommendation      %5d ms (%d tracks, %d bytes of JSON)%n", firstAt - indexAt,
                first.summary().trackCount(), body.length());
        System.out.printf("JVM start -> first answer %5d ms%n", firstAt - jvmStart);
    }
}

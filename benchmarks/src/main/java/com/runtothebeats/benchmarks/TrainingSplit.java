package com.runtothebeats.benchmarks;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.TempoIndex;
import java.nio.file.Path;
import java.util.List;

/** The dataset's training split the recommender benchmarks run on ({@code BEATS_DATA_DIR}, default ../shared/data). */
final class TrainingSplit {

    private TrainingSplit() {
    }

    static List<Track> read() {
        return DatasetTracks.read(Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../shared/data"), "spotify",
                "spotify_songs_train.csv"));
    }

    /**
     * The catalog a benchmark runs on, indexed: {@code "real"} (the training split) or that many synthetic tracks drawn
     * from it (seed 42), with the transform fitted on the real tracks either way.
     */
    static TempoIndex index(String catalog) {
        List<Track> real = read();
        FeatureTransform transform = transform(real);
        return TempoIndex.build(catalog.equals("real") ? real : SyntheticCatalog.draw(real, Integer.parseInt(catalog), 42), transform);
    }

    /** The feature transform fitted on {@code tracks}, as the pipeline fits the catalog's. */
    static FeatureTransform transform(List<Track> tracks) {
        return FeatureTransform.fit("benchmark", tracks.stream().map(Track::features).toList());
    }
}

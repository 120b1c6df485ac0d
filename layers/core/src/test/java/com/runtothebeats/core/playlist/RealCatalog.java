package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The training split of the public playlists dataset, indexed once for all tests of this JVM. */
final class RealCatalog {

    private static TempoIndex index;

    private RealCatalog() {
    }

    static Path csv() {
        String dir = System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data");
        Path file = Path.of(dir, "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(file), "the real dataset is needed at " + file.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        return file;
    }

    static synchronized TempoIndex index() {
        if (index == null) {
            List<Track> tracks = DatasetTracks.read(csv());
            index = TempoIndex.build(tracks, FeatureTransform.fit("test", tracks.stream().map(Track::features).toList()));
        }
        return index;
    }

    static PlaylistBuilder builder() {
        return new PlaylistBuilder(index(), Optional.empty());
    }
}

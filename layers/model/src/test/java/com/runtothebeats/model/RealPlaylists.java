package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.PlaylistSequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real training split (from BEATS_DATA_DIR), read once per test JVM. */
public final class RealPlaylists {

    private static DatasetPlaylists data;

    private RealPlaylists() {
    }

    public static Path file() {
        Path file = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(file), "the real dataset is needed at " + file.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        return file;
    }

    public static synchronized DatasetPlaylists all() {
        if (data == null) {
            try (InputStream in = Files.newInputStream(file())) {
                data = DatasetPlaylists.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    /** A small fixture: every {@code stride}-th playlist, each cut to its first {@code length} tracks. */
    public static List<PlaylistSequence> sample(int stride, int length) {
        List<PlaylistSequence> playlists = all().playlists();
        return java.util.stream.IntStream.range(0, playlists.size()).filter(i -> i % stride == 0)
                .mapToObj(playlists::get)
                .map(p -> new PlaylistSequence(p.playlistId(), p.genre(), p.subgenre(),
                        p.tracks().subList(0, Math.min(length, p.tracks().size()))))
                .toList();
    }
}

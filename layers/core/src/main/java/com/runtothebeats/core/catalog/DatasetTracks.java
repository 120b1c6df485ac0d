package com.runtothebeats.core.catalog;

import com.runtothebeats.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct, valid tracks of a dataset CSV, in first-seen order: rows that cannot describe a track
 * (missing tempo, bad key) are left out, and a track listed in several playlists appears once.
 */
public final class DatasetTracks {

    private DatasetTracks() {
    }

    public static List<Track> read(InputStream in) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        PlaylistDatasetCsv.read(in, row -> {
            try {
                Track t = row.toTrack();
                tracks.putIfAbsent(t.id(), t);
            } catch (InvalidInputException invalid) {
                // counted and reported by Transform; a catalog simply does not hold such rows
            }
        });
        return new ArrayList<>(tracks.values());
    }

    public static List<Track> read(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

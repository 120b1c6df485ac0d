package com.runtothebeats.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The distinct, valid tracks of a dataset CSV, in first-seen order: rows that cannot describe a track
 * (missing tempo, bad key) are left out, and a track listed in several playlists appears once. The same
 * rules as Transform ({@link CatalogValidation}), so an in-memory catalog matches the stored one.
 */
public final class DatasetTracks {

    private DatasetTracks() {
    }

    public static List<Track> read(InputStream in) {
        return CatalogValidation.validate(PlaylistDatasetCsv.readAll(in)).tracks();
    }

    public static List<Track> read(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

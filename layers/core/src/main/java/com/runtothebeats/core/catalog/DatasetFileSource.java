package com.runtothebeats.core.catalog;

import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The playlists dataset as a CSV file, either an object ({@code s3://bucket/key}) or a file on a local
 * path. The read is strict: a structural fault anywhere rejects the whole file.
 */
public final class DatasetFileSource implements CatalogSource {

    /** Where to get the public file when it is not where the caller said. */
    public static final String DOWNLOAD_HINT = "the public dataset is spotify_songs.csv from "
            + "https://github.com/rfordatascience/tidytuesday/tree/master/data/2020/2020-01-21";

    private static final String S3_SCHEME = "s3://";
    private static final String FIELD = "source.location";

    private final String location;
    private final Function<String, BlobStore> buckets;

    /**
     * @param location {@code s3://bucket/key} or a local path
     * @param buckets  opens the object store of a named bucket (only used for {@code s3://} locations)
     */
    public DatasetFileSource(String location, Function<String, BlobStore> buckets) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException(FIELD, "source.location is required: s3://bucket/key or a local path");
        }
        this.location = location.trim();
        this.buckets = buckets;
        if (this.location.startsWith(S3_SCHEME)) {
            String rest = this.location.substring(S3_SCHEME.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new InvalidInputException(FIELD, "an S3 location must be s3://bucket/key, was " + this.location);
            }
        }
    }

    @Override
    public String description() {
        return "dataset:" + location;
    }

    @Override
    public List<DatasetRow> rows() {
        try (InputStream in = open()) {
            List<DatasetRow> rows = PlaylistDatasetCsv.readAll(in);
            if (rows.isEmpty()) {
                throw new MalformedDatasetException(2, "the dataset at " + location + " has a header but no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dataset at " + location, e);
        }
    }

    private InputStream open() throws IOException {
        if (location.startsWith(S3_SCHEME)) {
            String rest = location.substring(S3_SCHEME.length());
            int slash = rest.indexOf('/');
            Optional<InputStream> object = buckets.apply(rest.substring(0, slash)).open(rest.substring(slash + 1));
            return object.orElseThrow(this::notFound);
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw notFound();
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw notFound();
        }
    }

    private InvalidInputException notFound() {
        return new InvalidInputException(FIELD, "no dataset at " + location + "; " + DOWNLOAD_HINT);
    }
}

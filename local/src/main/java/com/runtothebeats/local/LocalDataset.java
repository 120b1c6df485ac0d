package com.runtothebeats.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which dataset file {@code ./beats pipeline} and a first {@code ./beats serve} read: the one named, else the
 * first that exists of {@code $BEATS_DATASET}, {@code data/spotify_songs.csv}, the training split under
 * {@code $BEATS_DATA_DIR} and under {@code ../shared/data}; with none of them, the public file is downloaded
 * into {@code data/spotify_songs.csv} (see {@link DatasetDownload}), where the next run finds it.
 */
final class LocalDataset {

    static final String WHERE_TO_GET = "Download the public dataset (TidyTuesday 2020-01-21, spotify_songs.csv) from "
            + DatasetDownload.DEFAULT_URL + " to data/spotify_songs.csv in the project, or pass --dataset FILE (or set BEATS_DATASET).";

    private LocalDataset() {
    }

    /**
     * The dataset to read, downloading the public file when none is here.
     *
     * @param named    {@code --dataset FILE}; when given it must exist (nothing is downloaded in its place)
     * @param progress where the person watching sees the download
     */
    static Path find(Optional<Path> named, Path projectRoot, Map<String, String> environment, PrintStream progress)
            throws InterruptedException {
        if (named.isPresent()) {
            if (!Files.isRegularFile(named.get())) {
                throw new IllegalArgumentException("No dataset at " + named.get().toAbsolutePath() + ". " + WHERE_TO_GET);
            }
            return named.get();
        }
        List<Path> candidates = candidates(projectRoot, environment);
        Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        Optional<DatasetDownload> download = DatasetDownload.configured(environment, downloadTarget(projectRoot));
        if (download.isEmpty()) {
            throw new IllegalArgumentException("No dataset found. Looked for " + String.join(", ", candidates.stream().map(Path::toString).toList())
                    + " (downloading is off: " + DatasetDownload.URL_VARIABLE + " is empty). " + WHERE_TO_GET);
        }
        progress.println("No dataset found here; downloading the public one from " + download.get().url());
        progress.flush();
        return download.get().fetch(progress);
    }

    /** Where a downloaded dataset is kept (git-ignored), and the first place looked at after $BEATS_DATASET. */
    static Path downloadTarget(Path projectRoot) {
        return projectRoot.resolve("data/spotify_songs.csv");
    }

    static List<Path> candidates(Path projectRoot, Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        String fromEnvironment = environment.get("BEATS_DATASET");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            candidates.add(Path.of(fromEnvironment));
        }
        candidates.add(downloadTarget(projectRoot));
        String dataDir = environment.get("BEATS_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            candidates.add(Path.of(dataDir, "spotify", "spotify_songs_train.csv"));
        }
        candidates.add(projectRoot.resolve("../shared/data/spotify/spotify_songs_train.csv").normalize());
        return candidates;
    }
}

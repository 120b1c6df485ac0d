package com.runtothebeats.standins;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the project's own files (template.yaml, events/) and the real data beside the project,
 * whichever module directory they run in.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The checkout's root: the nearest directory at or above the working directory holding template.yaml. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml at or above " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return repositoryRoot().resolve("template.yaml");
    }

    /**
     * The real training split of the playlists dataset: {@code $BEATS_DATA_DIR/spotify/spotify_songs_train.csv}
     * (surefire passes BEATS_DATA_DIR, by default {@code ../shared/data} beside the checkout).
     */
    public static Path trainingSplit() {
        String dir = System.getenv("BEATS_DATA_DIR");
        Path data = dir == null ? repositoryRoot().resolve("../shared/data") : Path.of(dir);
        Path file = data.resolve("spotify").resolve("spotify_songs_train.csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the real training split is not at " + file.toAbsolutePath().normalize()
                    + "; set BEATS_DATA_DIR to the shared data directory (see README)");
        }
        return file;
    }
}

package com.runtothebeats.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The serving files of a model folder ({@link RankingWeights}, {@link StatisticsFile}) are written whole or not at
 * all: into a temporary file of this process, then moved into place, so a reader (this container's next load, or
 * another one sharing the cache) never maps half of one.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    static void replace(Path file, byte[] content) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial-" + ProcessHandle.current().pid());
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package com.runtothebeats.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.runtothebeats.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Models in the data bucket: {@code models/<version>/} holds each trained artifact (never overwritten),
 * {@code models/current.json} names the promoted one.
 */
public final class ModelStore {

    public static final String PREFIX = "models/";
    public static final String CURRENT_KEY = PREFIX + "current.json";

    private final BlobStore blobs;

    public ModelStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The pointer in {@code models/current.json}. */
    public record CurrentModel(String version, String manifestKey, String promotedAt) {
    }

    public static String manifestKey(String version) {
        return PREFIX + version + "/" + ModelManifest.FILE;
    }

    /** Uploads every file of an artifact folder to {@code models/<version>/}. */
    public void upload(String version, Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            // the manifest last: a reader that finds it can trust the rest is there
            for (Path file : sorted.stream().filter(f -> !f.getFileName().toString().equals(ModelManifest.FILE)).toList()) {
                blobs.put(PREFIX + version + "/" + file.getFileName(), Files.readAllBytes(file), contentType(file));
            }
            blobs.put(manifestKey(version), Files.readAllBytes(dir.resolve(ModelManifest.FILE)), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ModelManifest> manifest(String version) {
        return blobs.get(manifestKey(version)).map(bytes -> read(bytes, ModelManifest.class));
    }

    public Optional<CurrentModel> current() {
        return blobs.get(CURRENT_KEY).map(bytes -> read(bytes, CurrentModel.class));
    }

    /** Points {@code models/current.json} at a stored version. */
    public CurrentModel promote(String version) {
        if (!blobs.exists(manifestKey(version))) {
            throw new IllegalArgumentException("no stored model has version '" + version + "'");
        }
        CurrentModel current = new CurrentModel(version, manifestKey(version),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            blobs.put(CURRENT_KEY, ModelArtifacts.JSON.writeValueAsBytes(current), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return current;
    }

    /**
     * Copies a stored version into {@code cacheRoot/<version>/} unless it is already there (a warm container
     * or a second CLI run reuses it); returns the folder.
     */
    public Path download(String version, Path cacheRoot) {
        Path dir = cacheRoot.resolve(version);
        if (Files.exists(dir.resolve(ModelManifest.FILE))) {
            return dir;
        }
        try {
            Path partial = Files.createDirectories(cacheRoot).resolve(version + ".partial-" + ProcessHandle.current().pid());
            Files.createDirectories(partial);
            for (String key : blobs.list(PREFIX + version + "/")) {
                String name = key.substring(key.lastIndexOf('/') + 1);
                try (InputStream in = blobs.open(key).orElseThrow(() -> new IllegalStateException(key + " vanished"))) {
                    Files.copy(in, partial.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!Files.exists(partial.resolve(ModelManifest.FILE))) {
                throw new IllegalStateException("model version '" + version + "' has no manifest in the store");
            }
            try {
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(dir.resolve(ModelManifest.FILE))) {
                    throw raced;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return ModelArtifacts.JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + ": "
                    + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8), e);
        }
    }

    private static String contentType(Path file) {
        return file.toString().endsWith(".json") ? "application/json" : "application/octet-stream";
    }
}

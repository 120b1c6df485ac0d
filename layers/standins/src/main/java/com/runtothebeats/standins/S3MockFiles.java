package com.runtothebeats.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects S3Mock keeps under its root, read straight from its files (S3Mock 5.x layout):
 * {@code <root>/<bucket>/bucketMetadata.json} maps each key to an object id, and
 * {@code <root>/<bucket>/<id>/} holds {@code objectMetadata.json} and the bytes in {@code binaryData}.
 * Read afresh on every call, so what another process stored before is seen; nothing here writes.
 */
public final class S3MockFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET_METADATA = "bucketMetadata.json";

    /** One stored object: its bytes are {@code data}. */
    public record StoredObject(String key, Path data, long size, String etag, String contentType, Instant lastModified) {
    }

    private final Path root;

    public S3MockFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The object under {@code key}, if the bucket holds one. */
    public Optional<StoredObject> object(String bucket, String key) {
        return Optional.ofNullable(keys(bucket).get(key)).map(id -> read(bucket, key, id));
    }

    /** The bucket's objects whose keys start with {@code prefix}, in key order (S3's UTF-8 binary order for our ASCII keys). */
    public List<StoredObject> list(String bucket, String prefix) {
        List<StoredObject> out = new ArrayList<>();
        keys(bucket).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(read(bucket, e.getKey(), e.getValue())));
        return out;
    }

    /** Key to object id; empty for a bucket that has no files yet (S3Mock creates it on its first start). */
    private Map<String, String> keys(String bucket) {
        Path metadata = bucketDir(bucket).resolve(BUCKET_METADATA);
        try {
            JsonNode objects = JSON.readTree(metadata.toFile()).path("objects");
            Map<String, String> keys = new java.util.HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = objects.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                keys.put(entry.getKey(), entry.getValue().asText());
            }
            return keys;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
    }

    private StoredObject read(String bucket, String key, String id) {
        Path dir = bucketDir(bucket).resolve(id).normalize();
        if (!dir.getParent().equals(bucketDir(bucket).normalize())) {
            throw new IllegalStateException(bucket + "/" + BUCKET_METADATA + " names object id '" + id + "' outside the bucket");
        }
        Path metadataFile = dir.resolve("objectMetadata.json");
        try {
            JsonNode metadata = JSON.readTree(metadataFile.toFile());
            Path data = dir.resolve("binaryData");
            return new StoredObject(key, data, Files.size(data), metadata.path("etag").asText(""),
                    metadata.path("contentType").asText("application/octet-stream"),
                    Instant.ofEpochMilli(metadata.path("lastModified").asLong(0)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the object " + bucket + "/" + key + " at " + dir, e);
        }
    }

    private Path bucketDir(String bucket) {
        if (bucket.isEmpty() || bucket.contains("/") || bucket.startsWith(".")) {
            throw new IllegalArgumentException("not a bucket name: " + bucket);
        }
        return root.resolve(bucket);
    }
}

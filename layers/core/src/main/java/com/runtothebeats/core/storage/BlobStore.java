package com.runtothebeats.core.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Object storage for datasets, snapshots, fitted transforms and models: S3 in AWS, an S3 stand-in
 * locally. Keys are '/'-separated paths such as {@code raw/<runId>/tracks.csv}.
 */
public interface BlobStore {

    void put(String key, byte[] content, String contentType);

    /** Writes only when nothing is stored under the key yet; returns false when something already was. */
    boolean putIfAbsent(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** Streams a large object; the caller closes the stream. */
    Optional<InputStream> open(String key);

    boolean exists(String key);

    /** Keys under a prefix, in lexicographic order. */
    List<String> list(String prefix);

    void delete(String key);
}

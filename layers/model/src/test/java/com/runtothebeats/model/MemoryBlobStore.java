package com.runtothebeats.model;

import com.runtothebeats.core.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A BlobStore in memory, for tests of the model store's key layout (the S3 adapter is tested in functions/train). */
final class MemoryBlobStore implements BlobStore {

    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content, String contentType) {
        return objects.putIfAbsent(key, content.clone()) == null;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public Optional<InputStream> open(String key) {
        return get(key).map(ByteArrayInputStream::new);
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }
}

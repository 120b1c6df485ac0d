package com.runtothebeats.functions.transform;

import com.runtothebeats.core.storage.BlobStore;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** A blob store that passes every call on, for tests that make one call fail. */
class ForwardingBlobStore implements BlobStore {

    private final BlobStore delegate;

    ForwardingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        delegate.put(key, content, contentType);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content, String contentType) {
        return delegate.putIfAbsent(key, content, contentType);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Optional<InputStream> open(String key) {
        return delegate.open(key);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }
}

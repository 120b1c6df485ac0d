package com.runtothebeats.core.storage;

/**
 * Turns documents (records, maps) into JSON and back, so pipeline steps in the core can store manifests,
 * reports and fitted transforms without depending on a JSON library. Jackson in the Lambda layer.
 */
public interface JsonCodec {

    /** UTF-8 JSON of the value, on one line. */
    byte[] write(Object value);

    /** @throws IllegalArgumentException when the bytes are not JSON of that type */
    <T> T read(byte[] json, Class<T> type);
}

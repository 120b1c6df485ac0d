package com.runtothebeats.core.catalog.snapshot;

/**
 * A catalog snapshot that cannot be trusted: truncated, a checksum that does not match, values outside their
 * layout. Nothing of it is used: the reader decodes everything and checks the checksum before it builds a
 * single track.
 */
public class CorruptSnapshotException extends RuntimeException {

    public CorruptSnapshotException(String message) {
        super(message);
    }

    public CorruptSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}

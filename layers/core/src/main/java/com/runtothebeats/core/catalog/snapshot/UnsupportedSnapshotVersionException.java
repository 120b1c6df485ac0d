package com.runtothebeats.core.catalog.snapshot;

/**
 * A well-formed catalog snapshot of a layout this code does not read (written by a newer pipeline, say, while an
 * older recommender still runs): the reader falls back to the tracks table rather than guess.
 */
public class UnsupportedSnapshotVersionException extends RuntimeException {

    private final int version;

    public UnsupportedSnapshotVersionException(int version) {
        super("catalog snapshot schema version " + version + " is not one this code reads (it reads "
                + CatalogSnapshotFormat.SCHEMA_VERSION + ")");
        this.version = version;
    }

    public int version() {
        return version;
    }
}

package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshot;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat;
import com.runtothebeats.core.catalog.snapshot.CorruptSnapshotException;
import com.runtothebeats.core.catalog.snapshot.UnsupportedSnapshotVersionException;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.storage.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Catalog snapshots in the data bucket: {@code catalog/<runId>/catalog.snapshot} per run and
 * {@code catalog/current.json} naming the promoted one.
 */
public final class CatalogSnapshotStore {

    static final String CONTENT_TYPE = "application/vnd.runtothebeats.catalog-snapshot";

    private final BlobStore store;
    private final JsonCodec json;

    public CatalogSnapshotStore(BlobStore store, JsonCodec json) {
        this.store = store;
        this.json = json;
    }

    /** The snapshot's bytes: computed before a pipeline step writes anything. */
    public static byte[] encode(RunId run, List<Track> tracks, String transformKey, String transformVersion) {
        CatalogSnapshot snapshot = new CatalogSnapshot(new CatalogSnapshot.Header(CatalogSnapshotFormat.SCHEMA_VERSION,
                run.value(), transformKey, transformVersion, tracks.size()), tracks);
        ByteArrayOutputStream out = new ByteArrayOutputStream(tracks.size() * 96 + 1024);
        CatalogSnapshotFormat.write(snapshot, out);
        return out.toByteArray();
    }

    /**
     * Stores a run's snapshot, then points {@code catalog/current.json} at it. The pointer is written only after
     * the snapshot's PUT has completed, so a failure in between leaves the previous snapshot promoted. The same
     * run writes the same bytes again, so a re-run is idempotent.
     */
    public CurrentCatalog storeAndPromote(RunId run, byte[] snapshot, int tracks, String transformKey) {
        String key = PipelineKeys.catalogSnapshot(run);
        store.put(key, snapshot, CONTENT_TYPE);
        CurrentCatalog current = new CurrentCatalog(run.value(), key, CatalogSnapshotFormat.SCHEMA_VERSION, tracks, transformKey);
        store.put(PipelineKeys.CURRENT_CATALOG, json.write(current), "application/json");
        return current;
    }

    public Optional<CurrentCatalog> current() {
        return store.get(PipelineKeys.CURRENT_CATALOG).map(bytes -> json.read(bytes, CurrentCatalog.class));
    }

    /**
     * The promoted snapshot, streamed and checked in full; empty when none is promoted or the promoted object is
     * gone (both mean: read the tracks table instead).
     *
     * @throws UnsupportedSnapshotVersionException a snapshot of a layout this code does not read
     * @throws CorruptSnapshotException            a snapshot that fails its checks, or does not match its pointer
     */
    public Optional<CatalogSnapshot> loadCurrent() {
        Optional<CurrentCatalog> pointer = current();
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        CurrentCatalog current = pointer.get();
        if (!CatalogSnapshotFormat.reads(current.schemaVersion())) {
            throw new UnsupportedSnapshotVersionException(current.schemaVersion());
        }
        Optional<InputStream> body = store.open(current.snapshotKey());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        CatalogSnapshot snapshot;
        try (InputStream in = body.get()) {
            snapshot = CatalogSnapshotFormat.read(in);
        } catch (CorruptSnapshotException e) {
            throw new CorruptSnapshotException(current.snapshotKey() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + current.snapshotKey(), e);
        }
        CatalogSnapshot.Header header = snapshot.header();
        if (!header.runId().equals(current.runId()) || header.trackCount() != current.tracks()
                || !header.transformKey().equals(current.transformKey()) || header.schemaVersion() != current.schemaVersion()) {
            throw new CorruptSnapshotException(current.snapshotKey() + " holds run " + header.runId() + " with "
                    + header.trackCount() + " tracks and " + header.transformKey() + " (schema version " + header.schemaVersion()
                    + "), but " + PipelineKeys.CURRENT_CATALOG + " promised run " + current.runId() + " with " + current.tracks()
                    + " and " + current.transformKey() + " (schema version " + current.schemaVersion() + ")");
        }
        return Optional.of(snapshot);
    }
}

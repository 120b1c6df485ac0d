package com.runtothebeats.functions.recommend;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackCatalog;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshot;
import com.runtothebeats.core.catalog.snapshot.CorruptSnapshotException;
import com.runtothebeats.core.catalog.snapshot.UnsupportedSnapshotVersionException;
import com.runtothebeats.core.pipeline.CatalogSnapshotStore;
import com.runtothebeats.core.pipeline.PipelineKeys;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.storage.JsonCodec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a Recommend container gets the catalog it indexes: the promoted catalog snapshot
 * ({@code catalog/current.json}), streamed from the data bucket, with the feature transform it names. Without a
 * snapshot, or with one of a layout this code does not read, it reads the tracks table instead and says so in a
 * warning; a corrupt snapshot is refused (the container answers 503 and retries on the next request) rather than
 * indexed in part or silently replaced by a table read that would hide the fault.
 */
final class CatalogIndexSource implements Supplier<CatalogIndexSource.Catalog> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogIndexSource.class);

    /**
     * The tracks to index, the transform their features are standardised with (empty: fit one on them) and, from a
     * snapshot, the tracks' song keys (empty: work them out).
     */
    record Catalog(List<Track> tracks, Optional<FeatureTransform> transform, Optional<List<SongKey>> songKeys, String source) {
    }

    private final CatalogSnapshotStore snapshots;
    private final TrackCatalog table;
    private final BlobStore data;
    private final JsonCodec json;

    CatalogIndexSource(BlobStore data, TrackCatalog table, JsonCodec json) {
        this.snapshots = new CatalogSnapshotStore(data, json);
        this.table = table;
        this.data = data;
        this.json = json;
    }

    @Override
    public Catalog get() {
        try {
            Optional<CatalogSnapshot> snapshot = snapshots.loadCurrent();
            if (snapshot.isPresent()) {
                return fromSnapshot(snapshot.get());
            }
            LOG.warn("no catalog snapshot is promoted ({} is missing or names a missing object): reading the tracks "
                    + "table instead; the next pipeline run writes one", PipelineKeys.CURRENT_CATALOG);
        } catch (UnsupportedSnapshotVersionException e) {
            LOG.warn("{}: reading the tracks table instead", e.getMessage());
        } catch (CorruptSnapshotException e) {
            throw new CatalogUnavailableException("the promoted catalog snapshot was refused, nothing of it is used: "
                    + e.getMessage() + ". Re-run the pipeline to write a new one", e);
        }
        return new Catalog(table.all(), RecommendComponents.storedTransform(data, json), Optional.empty(), "tracks table");
    }

    private Catalog fromSnapshot(CatalogSnapshot snapshot) {
        CatalogSnapshot.Header header = snapshot.header();
        FeatureTransform transform = data.get(header.transformKey())
                .map(bytes -> json.read(bytes, FeatureTransform.class))
                .orElseThrow(() -> new CatalogUnavailableException("the catalog snapshot of run " + header.runId()
                        + " names " + header.transformKey() + ", which is not in the bucket"));
        if (!transform.version().equals(header.transformVersion())) {
            throw new CatalogUnavailableException(header.transformKey() + " holds transform " + transform.version()
                    + ", the catalog snapshot of run " + header.runId() + " was standardised with " + header.transformVersion());
        }
        return new Catalog(snapshot.tracks(), Optional.of(transform), Optional.of(snapshot.songKeys()),
                "catalog snapshot of run " + header.runId());
    }
}

package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.catalog.CatalogSource;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.storage.JsonCodec;
import com.runtothebeats.core.validation.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Harvest step: reads a catalog source completely (a structural fault stops it before anything is
 * written), then stores the rows as an immutable raw snapshot and its manifest under the run's id.
 * Harvesting the same content into the same run again is a no-op; different content is refused.
 */
public final class CatalogHarvest {

    static final String CSV = "text/csv; charset=utf-8";
    static final String JSON = "application/json";

    private final BlobStore store;
    private final JsonCodec json;
    private final Clock clock;

    public CatalogHarvest(BlobStore store, JsonCodec json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public HarvestResult harvest(RunId run, CatalogSource source) {
        List<DatasetRow> rows = source.rows();
        ByteArrayOutputStream csv = new ByteArrayOutputStream(rows.size() * 256);
        PlaylistDatasetCsv.write(rows, csv);
        byte[] snapshot = csv.toByteArray();
        String sha256 = sha256(snapshot);

        String manifestKey = PipelineKeys.rawManifest(run);
        Optional<byte[]> existingManifest = store.get(manifestKey);
        if (existingManifest.isPresent()) {
            return sameSnapshot(run, existingManifest.get(), sha256);
        }

        String rawKey = PipelineKeys.rawTracks(run);
        if (!store.putIfAbsent(rawKey, snapshot, CSV)) {
            // An earlier attempt stored the snapshot but stopped before its manifest.
            byte[] earlier = store.get(rawKey).orElseThrow();
            if (!sha256(earlier).equals(sha256)) {
                throw conflict(run, "already has a different " + rawKey);
            }
        }
        Set<String> playlists = new HashSet<>();
        Set<String> tracks = new HashSet<>();
        for (DatasetRow row : rows) {
            playlists.add(row.playlistKey().toString());
            String id = row.get(DatasetColumn.TRACK_ID).trim();
            if (!id.isEmpty()) {
                tracks.add(id);
            }
        }
        HarvestManifest manifest = new HarvestManifest(run.value(), source.description(), rows.size(),
                playlists.size(), tracks.size(), sha256, clock.instant().toString());
        if (!store.putIfAbsent(manifestKey, json.write(manifest), JSON)) {
            // Another attempt of the same run finished first; its manifest is the one that counts.
            return sameSnapshot(run, store.get(manifestKey).orElseThrow(), sha256);
        }
        return HarvestResult.of(manifest);
    }

    private HarvestResult sameSnapshot(RunId run, byte[] manifestJson, String sha256) {
        HarvestManifest earlier = json.read(manifestJson, HarvestManifest.class);
        if (!earlier.sha256().equals(sha256)) {
            throw conflict(run, "already has a raw snapshot from " + earlier.source()
                    + " with different content (sha256 " + earlier.sha256() + ")");
        }
        return HarvestResult.of(earlier);
    }

    /**
     * Snapshots are immutable. A plain {@link InvalidInputException} on purpose: the state machine
     * recognises that error name as "do not retry".
     */
    private static InvalidInputException conflict(RunId run, String what) {
        return new InvalidInputException("runId", "run " + run + " " + what
                + "; snapshots are immutable, start a new run with another runId");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

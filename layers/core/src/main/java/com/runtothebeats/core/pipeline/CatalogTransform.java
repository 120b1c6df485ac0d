package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.CatalogValidation;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackCatalog;
import com.runtothebeats.core.catalog.ValidatedCatalog;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.storage.JsonCodec;
import com.runtothebeats.core.validation.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Transform step: validates a raw snapshot, fits the feature transform on the distinct valid
 * tracks, stores the tracks in the catalog and writes the transform, the playlist sequences and a report
 * beside the run, and the catalog snapshot the recommender loads instead of reading the table
 * ({@code catalog/<runId>/}, promoted through {@code catalog/current.json}). Every output is a function of the snapshot alone, so running the same run again writes
 * the same objects and the same catalog items. Everything is computed before the first write.
 */
public final class CatalogTransform {

    static final String JSON = "application/json";
    static final String JSON_LINES = "application/x-ndjson";

    private final BlobStore store;
    private final TrackCatalog catalog;
    private final JsonCodec json;
    private final CatalogSnapshotStore snapshots;

    public CatalogTransform(BlobStore store, TrackCatalog catalog, JsonCodec json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
        this.snapshots = new CatalogSnapshotStore(store, json);
    }

    public TransformResult transform(RunId run) {
        HarvestManifest manifest = store.get(PipelineKeys.rawManifest(run))
                .map(bytes -> json.read(bytes, HarvestManifest.class))
                .orElseThrow(() -> new InvalidInputException("runId",
                        "run " + run + " has no raw snapshot (" + PipelineKeys.rawManifest(run) + "); run Harvest first"));
        List<DatasetRow> rows = readSnapshot(run);
        if (rows.size() != manifest.rows()) {
            throw new IllegalStateException(PipelineKeys.rawTracks(run) + " holds " + rows.size()
                    + " rows but its manifest says " + manifest.rows());
        }

        ValidatedCatalog validated = CatalogValidation.validate(rows);
        if (validated.tracks().isEmpty()) {
            throw new InvalidInputException("runId", "run " + run + " has no valid track in its "
                    + rows.size() + " rows: " + validated.report().dropped());
        }
        List<AudioFeatures> features = validated.tracks().stream().map(Track::features).toList();
        FeatureTransform transform = FeatureTransform.fit(run.value(), features);
        byte[] transformJson = json.write(transform);
        byte[] sequences = jsonLines(validated.sequences());
        TransformReport report = new TransformReport(run.value(), manifest.source(), validated.tracks().size(),
                validated.report());
        String transformKey = PipelineKeys.featureTransform(run);
        byte[] snapshot = CatalogSnapshotStore.encode(run, validated.tracks(), transformKey, transform.version());

        catalog.putAll(validated.tracks(), run.value());
        String sequencesKey = PipelineKeys.sequences(run);
        String reportKey = PipelineKeys.report(run);
        store.put(transformKey, transformJson, JSON);
        store.put(sequencesKey, sequences, JSON_LINES);
        store.put(reportKey, json.write(report), JSON);
        // Pointers last, so a reader never finds one to a run whose outputs are incomplete.
        store.put(PipelineKeys.CURRENT_TRANSFORM,
                json.write(new CurrentTransform(run.value(), transformKey, sequencesKey)), JSON);
        CurrentCatalog current = snapshots.storeAndPromote(run, snapshot, validated.tracks().size(), transformKey);

        Map<String, Long> dropped = new TreeMap<>();
        validated.report().dropped().forEach((reason, n) -> {
            if (n > 0) {
                dropped.put(reason, n);
            }
        });
        return new TransformResult(run.value(), transformKey, sequencesKey, reportKey, current.snapshotKey(),
                new TransformResult.Counts(rows.size(), validated.report().valid(), validated.tracks().size(), dropped));
    }

    private List<DatasetRow> readSnapshot(RunId run) {
        String key = PipelineKeys.rawTracks(run);
        try (InputStream in = store.open(key).orElseThrow(() -> new IllegalStateException(
                "run " + run + " has a manifest but no " + key))) {
            return PlaylistDatasetCsv.readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    private byte[] jsonLines(List<PlaylistSequence> sequences) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sequences.size() * 32 * 1024);
        for (PlaylistSequence sequence : sequences) {
            out.writeBytes(json.write(sequence));
            out.write('\n');
        }
        return out.toByteArray();
    }
}

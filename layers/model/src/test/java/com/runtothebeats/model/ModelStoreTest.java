package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.flow.SequenceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models/ key layout, promotion pointer and the serving loader, over an in-memory BlobStore. */
class ModelStoreTest {

    private static FlowModelTrainer.Trained trained;

    @BeforeAll
    static void train() {
        var fixture = RealPlaylists.sample(12, 20);
        var transform = com.runtothebeats.core.catalog.FeatureTransform.fit("store",
                fixture.stream().flatMap(p -> p.tracks().stream()).map(com.runtothebeats.core.catalog.Track::features).toList());
        trained = new FlowModelTrainer(new TrainingOptions(8, 0.1f, 0.01f, 0.01f, 8, 3, 2, 0.25, 3L))
                .train(fixture, transform, "v1");
    }

    @Test
    void uploadsPromotesAndServesTheCurrentModel(@TempDir Path work) {
        MemoryBlobStore blobs = new MemoryBlobStore();
        ModelStore store = new ModelStore(blobs);
        CurrentModelLoader loader = new CurrentModelLoader(store, work.resolve("cache"), Duration.ZERO, Clock.systemUTC());
        assertTrue(loader.current().isEmpty(), "nothing promoted yet");

        ModelArtifacts.save(trained, new ModelArtifacts.Provenance("run", "t", "s"), work.resolve("artifact"));
        store.upload("v1", work.resolve("artifact"));
        assertEquals(List.of("models/v1/feature-transform.json", "models/v1/flow-gru-0000.params", "models/v1/manifest.json",
                        "models/v1/subgenre-priors.json"),
                blobs.list("models/"));
        assertTrue(loader.current().isEmpty(), "stored but not promoted");
        assertThrows(IllegalArgumentException.class, () -> store.promote("v2"));

        ModelStore.CurrentModel current = store.promote("v1");
        assertEquals("models/v1/manifest.json", current.manifestKey());
        SequenceModel served = loader.current().orElseThrow();
        assertEquals("v1", served.version());
        assertTrue(Files.exists(work.resolve("cache/v1/manifest.json")), "cached under MODEL_CACHE_DIR/<version>");
        List<AudioFeatures> history = FlowSequenceModelTest.features(RealPlaylists.sample(12, 20).get(1)).subList(0, 6);
        assertArrayEquals(trained.model().predictNext(history), served.predictNext(history), 1e-6);
        assertSame(served, loader.current().orElseThrow(), "loaded once, reused");
        assertEquals("v1", store.manifest("v1").orElseThrow().version());
        loader.close();
    }
}

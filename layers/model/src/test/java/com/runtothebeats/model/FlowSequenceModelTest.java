package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.FlowMetrics;
import com.runtothebeats.core.flow.PlaylistContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small fixture of real playlists, then serving: save/load, batching, no look-ahead. */
class FlowSequenceModelTest {

    private static final TrainingOptions SMALL = FixtureModel.SMALL;

    private static List<PlaylistSequence> fixture;
    private static FeatureTransform transform;
    private static FlowModelTrainer.Trained trained;

    @BeforeAll
    static void train() {
        fixture = FixtureModel.fixture();
        transform = FixtureModel.transform();
        trained = FixtureModel.trained();
    }

    @Test
    void trainingLowersTheLossAndBeatsTheMeanBaseline() {
        TrainingReport report = trained.report();
        List<Double> loss = report.trainingLoss();
        assertTrue(loss.get(loss.size() - 1) < loss.get(0) * 0.9, "training loss fell: " + loss);
        FlowMetrics globalMean = report.baselines().get("global-mean");
        assertTrue(report.validation().mae() < globalMean.mae(),
                "model " + report.validation() + " vs global mean " + globalMean);
        assertTrue(report.bestEpoch() >= 1 && report.bestEpoch() <= report.epochsRun());
        // The served model may scale its correction (the inward share chosen on validation); the network's own
        // output, at share 1, is what the best epoch was scored on.
        assertEquals(report.inwardShareTrials().get(1.0).mae(), report.validationMae().get(report.bestEpoch() - 1), 1e-4,
                "the kept parameters are the best epoch's");
    }

    @Test
    void trainingIsReproducible() {
        FlowModelTrainer.Trained again = new FlowModelTrainer(SMALL.withMaxEpochs(3)).train(fixture, transform, "again");
        FlowModelTrainer.Trained third = new FlowModelTrainer(SMALL.withMaxEpochs(3)).train(fixture, transform, "third");
        try (FlowSequenceModel a = again.model(); FlowSequenceModel b = third.model()) {
            assertEquals(again.report().trainingLoss(), third.report().trainingLoss());
            List<AudioFeatures> history = features(fixture.get(1)).subList(0, 5);
            assertArrayEquals(a.predictNext(history), b.predictNext(history), 0.0);
        }
    }

    @Test
    void savedAndLoadedModelPredictsTheSame(@TempDir Path dir) {
        ModelManifest manifest = ModelArtifacts.save(trained, new ModelArtifacts.Provenance("run-1", "transform/run-1/feature-transform.json",
                "transform/run-1/sequences.jsonl"), dir);
        assertEquals("fixture-model", manifest.version());
        assertEquals(FlowInputEncoding.INPUTS, manifest.inputs());
        assertEquals(trained.report().validation(), manifest.validation());
        try (FlowSequenceModel loaded = ModelArtifacts.load(dir)) {
            assertEquals("fixture-model", loaded.version());
            assertEquals(transform, loaded.transform());
            for (PlaylistSequence playlist : fixture.subList(0, 5)) {
                List<AudioFeatures> history = features(playlist);
                List<double[]> expected = trained.model().predictEachNext(history);
                List<double[]> actual = loaded.predictEachNext(history);
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), actual.get(i), 0.0);
                }
            }
        }
    }

    @Test
    void savedAndLoadedModelKeepsItsSubgenrePriors(@TempDir Path dir) {
        ModelArtifacts.save(trained, new ModelArtifacts.Provenance("run-1", "t", "s"), dir);
        try (FlowSequenceModel loaded = ModelArtifacts.load(dir)) {
            PlaylistSequence playlist = fixture.get(3);
            PlaylistContext context = FlowModelTrainer.context(playlist);
            assertTrue(loaded.priors().of(context).isPresent(), "the fixture's subgenres are in the stored priors");
            List<double[]> expected = trained.model().predictEachNext(context, features(playlist));
            List<double[]> actual = loaded.predictEachNext(context, features(playlist));
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i), 0.0);
            }
        }
    }

    @Test
    void theSubgenreChangesThePredictionAndAnUnknownOneFallsBackOnNoContext() {
        PlaylistSequence playlist = fixture.get(5);
        List<AudioFeatures> history = features(playlist).subList(0, 3);
        double[] withoutContext = trained.model().predictNext(history);
        double[] withContext = trained.model().predictNext(FlowModelTrainer.context(playlist), history);
        assertFalse(Arrays.equals(withoutContext, withContext), "the model reads the playlist's subgenre prior");
        assertArrayEquals(withoutContext, trained.model().predictNext(new PlaylistContext("polka", "ska polka"), history), 0.0);
        assertArrayEquals(withoutContext, trained.model().predictNext(PlaylistContext.UNKNOWN, history), 0.0);
        // a new subgenre label of a known genre uses the genre's prior
        double[] genreOnly = trained.model().predictNext(new PlaylistContext(playlist.genre(), "never-seen"), history);
        assertFalse(Arrays.equals(withoutContext, genreOnly));
    }

    @Test
    void predictionsWithAContextNeverLookAhead() {
        PlaylistContext context = FlowModelTrainer.context(fixture.get(2));
        List<AudioFeatures> playlist = new ArrayList<>(features(fixture.get(2)));
        List<double[]> before = trained.model().predictEachNext(context, playlist);
        int changed = 7;
        playlist.set(changed, features(fixture.get(9)).get(3));
        List<double[]> after = trained.model().predictEachNext(context, playlist);
        for (int k = 0; k < changed; k++) {
            assertArrayEquals(before.get(k), after.get(k), 0.0, "prediction for position " + (k + 1));
        }
        assertFalse(Arrays.equals(before.get(changed), after.get(changed)));
    }

    @Test
    void predictionsNeverLookAhead() {
        List<AudioFeatures> playlist = new ArrayList<>(features(fixture.get(2)));
        List<double[]> before = trained.model().predictEachNext(playlist);
        int changed = 7;
        AudioFeatures other = features(fixture.get(9)).get(3);
        playlist.set(changed, other);
        List<double[]> after = trained.model().predictEachNext(playlist);
        // element k predicts track k + 1 from tracks 0..k: predictions for positions <= changed are untouched
        for (int k = 0; k < changed; k++) {
            assertArrayEquals(before.get(k), after.get(k), 0.0, "prediction for position " + (k + 1));
        }
        assertFalse(Arrays.equals(before.get(changed), after.get(changed)), "the changed track is read for the next position");
    }

    @Test
    void batchedPredictionsEqualSingleOnesAndPrefixPredictions() {
        List<List<AudioFeatures>> histories = List.of(
                features(fixture.get(0)).subList(0, 3), features(fixture.get(1)).subList(0, 17), features(fixture.get(3)).subList(0, 1));
        List<double[]> batched = trained.model().predictNextBatch(histories);
        for (int b = 0; b < histories.size(); b++) {
            assertArrayEquals(trained.model().predictNext(histories.get(b)), batched.get(b), 1e-5);
            List<double[]> each = trained.model().predictEachNext(histories.get(b));
            assertArrayEquals(each.get(each.size() - 1), batched.get(b), 1e-5);
        }
    }

    @Test
    void predictsFromManyThreadsAtOnce() throws Exception {
        List<AudioFeatures> history = features(fixture.get(4)).subList(0, 12);
        double[] expected = trained.model().predictNext(history);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> trained.model().predictNext(history)));
            }
            for (Future<double[]> f : futures) {
                assertArrayEquals(expected, f.get(), 1e-6);
            }
        } finally {
            pool.shutdown();
        }
    }

    static List<AudioFeatures> features(PlaylistSequence playlist) {
        return playlist.tracks().stream().map(Track::features).toList();
    }
}

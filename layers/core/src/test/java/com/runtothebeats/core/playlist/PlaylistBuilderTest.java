package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder on the real training catalog: the done-means cases, then many random targets and plans. */
class PlaylistBuilderTest {

    private static final PlaylistOptions DEFAULTS = PlaylistOptions.DEFAULTS;

    @ParameterizedTest(name = "steady {0} BPM for 60 minutes")
    @ValueSource(doubles = {150, 165, 180})
    void steadyHourMeetsEveryConstraint(double bpm) {
        Playlist playlist = RealCatalog.builder().build(new TempoPlan.Steady(bpm), 60, List.of(), DEFAULTS);
        PlaylistRules.assertMeetsAll(playlist, 60, PlaylistRules.steady(bpm), true, 2.0, true);
        assertTrue(playlist.tracks().size() >= 10, "an hour is many tracks");
    }

    @Test
    void rampFrom150To175KeepsEachTrackNearItsSlotsTarget() {
        TempoPlan plan = new TempoPlan.Ramp(150, 175, 60 * 60_000);
        Playlist playlist = RealCatalog.builder().build(plan, 60, List.of(), DEFAULTS);
        PlaylistRules.assertMeetsAll(playlist, 60, PlaylistRules.ramp(150, 175, 60), true, 2.0, true);
        List<PlacedTrack> t = playlist.tracks();
        assertTrue(t.get(t.size() - 1).targetTempo() > t.get(0).targetTempo() + 20, "the targets climb");
        for (PlacedTrack p : t) {
            double atStart = 150 + 25 * Math.min(1, p.startMs() / 3_600_000.0);
            assertTrue(Math.abs(p.effectiveTempo() - atStart) <= 2, "a ramp's tracks fit the plan where they start too: " + p);
        }
    }

    @Test
    void intervalsFollowTheirBlocks() {
        TempoPlan plan = new TempoPlan.Intervals(List.of(new TempoPlan.Block(4, 175), new TempoPlan.Block(2, 150)));
        Playlist playlist = RealCatalog.builder().build(plan, 45, List.of(), DEFAULTS);
        PlaylistRules.assertMeetsAll(playlist, 45, PlaylistRules.intervals(new double[][] {{4, 175}, {2, 150}}), true, 2.0, true);
        assertTrue(playlist.tracks().stream().anyMatch(p -> p.targetTempo() == 150));
        assertTrue(playlist.tracks().stream().anyMatch(p -> p.targetTempo() == 175));
    }

    /** Beam search keeps the greedy line, so it can only match or beat greedy; on real data it beats it. */
    @Test
    void beamCostsNoMoreThanGreedyOnEveryDoneMeansCase() {
        List<TempoPlan> plans = List.of(new TempoPlan.Steady(150), new TempoPlan.Steady(165), new TempoPlan.Steady(180),
                new TempoPlan.Ramp(150, 175, 60 * 60_000));
        PlaylistBuilder builder = RealCatalog.builder();
        int strictlyBetter = 0;
        for (TempoPlan plan : plans) {
            Playlist greedy = builder.search(plan, 3_600_000, List.of(), DEFAULTS.withBeamWidth(1));
            Playlist beam = builder.search(plan, 3_600_000, List.of(), DEFAULTS);
            assertTrue(beam.totalCost() <= greedy.totalCost() + 1e-9,
                    plan + ": beam " + beam.totalCost() + " > greedy " + greedy.totalCost());
            if (beam.totalCost() < greedy.totalCost() - 1e-9) {
                strictlyBetter++;
            }
            double summed = beam.tracks().stream().mapToDouble(p -> p.score().total()).sum();
            assertEquals(summed, beam.totalCost(), 1e-6, "total cost is the sum of the tracks' costs");
        }
        assertTrue(strictlyBetter >= 1, "the beam finds a cheaper playlist than greedy somewhere");
    }

    /** The running mean of the history in standardised space: one of the model's own baselines. */
    private static final class RunningMean implements com.runtothebeats.core.flow.SequenceModel {
        final java.util.List<Integer> batchSizes = new java.util.ArrayList<>();

        @Override
        public double[] predictNext(List<com.runtothebeats.core.catalog.AudioFeatures> history) {
            double[] mean = new double[com.runtothebeats.core.catalog.FlowFeature.COUNT];
            for (var f : history) {
                double[] v = RealCatalog.index().transform().standardise(f);
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += v[j] / history.size();
                }
            }
            return mean;
        }

        @Override
        public List<double[]> predictNextBatch(List<List<com.runtothebeats.core.catalog.AudioFeatures>> histories) {
            batchSizes.add(histories.size());
            return com.runtothebeats.core.flow.SequenceModel.super.predictNextBatch(histories);
        }

        @Override
        public String version() {
            return "running-mean";
        }
    }

    @Test
    void withAModelFlowIsMeasuredAgainstItsBatchedPredictions() {
        RunningMean model = new RunningMean();
        PlaylistBuilder builder = new PlaylistBuilder(RealCatalog.index(), java.util.Optional.of(model));
        Playlist playlist = builder.build(new TempoPlan.Steady(165), 60, List.of(), DEFAULTS);
        PlaylistRules.assertMeetsAll(playlist, 60, PlaylistRules.steady(165), true, 2.0, true);
        assertEquals("running-mean", playlist.modelVersion());
        assertTrue(playlist.modelUsed());
        // One call per step for the whole beam, never one per candidate.
        assertTrue(model.batchSizes.size() <= playlist.tracks().size(), model.batchSizes.toString());
        assertTrue(model.batchSizes.stream().anyMatch(n -> n > 1), "the beam's histories go in one batch");
        PlacedTrack second = playlist.tracks().get(1);
        double[] predicted = model.predictNext(List.of(playlist.tracks().get(0).track().features()));
        int i = RealCatalog.index().indexOf(second.track().id()).getAsInt();
        assertEquals(RealCatalog.index().flowDistance(i, predicted), second.score().flow(), 1e-9);
    }

    @Test
    void seedsStartThePlaylistInOrder() {
        PlaylistBuilder builder = RealCatalog.builder();
        Playlist first = builder.build(new TempoPlan.Steady(165), 30, List.of(), DEFAULTS);
        List<String> seeds = List.of(first.tracks().get(0).track().id(), first.tracks().get(1).track().id());
        Playlist seeded = builder.build(new TempoPlan.Steady(165), 30, seeds, DEFAULTS);
        assertEquals(seeds.get(0), seeded.tracks().get(0).track().id());
        assertEquals(seeds.get(1), seeded.tracks().get(1).track().id());
        assertTrue(seeded.tracks().get(0).seed());
        assertFalse(seeded.tracks().get(2).seed());
        PlaylistRules.assertMeetsAll(seeded, 30, PlaylistRules.steady(165), true, 2.0, true);
    }

    @Test
    void unknownOrOffTempoSeedsAreRefusedByName() {
        PlaylistBuilder builder = RealCatalog.builder();
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> builder.build(new TempoPlan.Steady(165), 30, List.of("no-such-track"), DEFAULTS));
        assertEquals("seedTrackIds[0]", unknown.field());
        String offTempo = RealCatalog.index().inTempoRange(120, 121).get(0).id();
        NoPlaylistException refused = assertThrows(NoPlaylistException.class,
                () -> builder.build(new TempoPlan.Steady(165), 30, List.of(offTempo), DEFAULTS));
        assertEquals("seedTrackIds[0]", refused.field());
        assertEquals("seedTrackIds", assertThrows(InvalidInputException.class,
                () -> builder.build(new TempoPlan.Steady(165), 30, List.of("a", "b", "c", "d"), DEFAULTS)).field());
    }

    @Test
    void impossibleRequestsFailClearlyInsteadOfBreakingAConstraint() {
        // Without folding almost nothing in the catalog sits at 239 BPM.
        NoPlaylistException e = assertThrows(NoPlaylistException.class,
                () -> RealCatalog.builder().build(new TempoPlan.Steady(239), 60, List.of(), DEFAULTS.withFold(false)));
        assertEquals("target", e.field());
        assertTrue(e.getMessage().contains("239"), e.getMessage());
    }

    @Test
    void foldingOffUsesOnlyTracksAtTheirOwnTempo() {
        Playlist playlist = RealCatalog.builder().build(new TempoPlan.Steady(150), 30, List.of(), DEFAULTS.withFold(false));
        PlaylistRules.assertMeetsAll(playlist, 30, PlaylistRules.steady(150), false, 2.0, true);
        playlist.tracks().forEach(p -> assertEquals(p.track().tempo(), p.effectiveTempo()));
    }

    /**
     * Property: for random targets, plans, lengths, widths and folding, the builder either returns a
     * playlist that meets every constraint or says clearly that none exists; never a broken playlist.
     */
    @Test
    void randomRequestsNeverYieldABrokenPlaylist() {
        Random random = new Random(20261124);
        PlaylistBuilder builder = RealCatalog.builder();
        int built = 0;
        List<String> refused = new ArrayList<>();
        for (int run = 0; run < 60; run++) {
            double minutes = 5 + random.nextInt(116);
            boolean fold = random.nextInt(5) != 0;
            int width = 1 + random.nextInt(12);
            double tolerance = random.nextBoolean() ? 2.0 : 1.0 + random.nextInt(4);
            PlaylistOptions options = new PlaylistOptions(fold, width, tolerance, true, TransitionWeights.DEFAULTS);
            TempoPlan plan;
            java.util.function.DoubleUnaryOperator expected;
            switch (random.nextInt(3)) {
                case 0 -> {
                    double bpm = 100 + random.nextInt(101);
                    plan = new TempoPlan.Steady(bpm);
                    expected = PlaylistRules.steady(bpm);
                }
                case 1 -> {
                    double from = 120 + random.nextInt(61);
                    double to = 120 + random.nextInt(61);
                    plan = new TempoPlan.Ramp(from, to, minutes * 60_000);
                    expected = PlaylistRules.ramp(from, to, minutes);
                }
                default -> {
                    double[][] blocks = {{1 + random.nextInt(6), 150 + random.nextInt(36)}, {1 + random.nextInt(4), 130 + random.nextInt(31)}};
                    plan = new TempoPlan.Intervals(List.of(new TempoPlan.Block(blocks[0][0], blocks[0][1]),
                            new TempoPlan.Block(blocks[1][0], blocks[1][1])));
                    expected = PlaylistRules.intervals(blocks);
                }
            }
            try {
                Playlist p = builder.build(plan, minutes, List.of(), options);
                PlaylistRules.assertMeetsAll(p, minutes, expected, fold, tolerance, true);
                built++;
            } catch (NoPlaylistException none) {
                assertFalse(none.getMessage().isBlank());
                refused.add(plan + " fold=" + fold + " ±" + tolerance + ": " + none.getMessage());
            }
        }
        assertTrue(built >= 50, "most runnable requests get a playlist; refused: " + refused);
    }
}

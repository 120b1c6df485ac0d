package com.runtothebeats.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NextTrackEvaluationTest {

    /** An identity transform: standardised = original, so expected values can be worked out by hand. */
    private static final FeatureTransform IDENTITY = new FeatureTransform("identity", FlowFeature.columnNames(),
            new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[8], new double[] {1, 1, 1, 1, 1, 1, 1, 1},
            new double[] {-100, -100, -100, -100, -100, -100, -100, -100}, new double[] {100, 100, 100, 100, 100, 100, 100, 100});

    private static Track track(String id, double value) {
        return new Track(id, id, "", "", 0, new AudioFeatures(value, value, value, value, value, value, value, value, 0, 1, 120, 1000));
    }

    /** Playlists whose tracks scatter around a centre of their own, in random order (no signal in the order). */
    private static List<PlaylistSequence> exchangeablePlaylists(long seed, int count, int length, double spread) {
        Random random = new Random(seed);
        List<PlaylistSequence> playlists = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            double centre = random.nextGaussian();
            List<Track> tracks = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                tracks.add(track("t" + p + "-" + i, centre + spread * random.nextGaussian()));
            }
            playlists.add(new PlaylistSequence("p" + p, "g", "s", tracks));
        }
        return playlists;
    }

    @Test
    void baselinesPredictFromTheHistoryOnly() {
        List<AudioFeatures> history = List.of(track("a", 0.1).features(), track("b", 0.5).features(), track("c", 0.3).features());
        List<double[]> median = new NextTrackBaseline(NextTrackBaseline.Kind.RUNNING_MEDIAN, IDENTITY).predictEachNext(history);
        assertEquals(0.1, median.get(0)[0], 1e-12);
        assertEquals(0.3, median.get(1)[0], 1e-12); // median of 0.1, 0.5 = 0.3
        assertEquals(0.3, median.get(2)[0], 1e-12);
        List<double[]> mean = new NextTrackBaseline(NextTrackBaseline.Kind.RUNNING_MEAN, IDENTITY).predictEachNext(history);
        assertEquals(0.3, mean.get(2)[5], 1e-12);
        assertArrayEquals(history.get(2).flowValues(), new NextTrackBaseline(NextTrackBaseline.Kind.LAST_TRACK, IDENTITY).predictNext(history), 1e-12);
        assertArrayEquals(new double[8], new NextTrackBaseline(NextTrackBaseline.Kind.GLOBAL_MEAN, IDENTITY).predictNext(history), 0.0);
    }

    @Test
    void maeHitRateAndReciprocalRankByHand() {
        // one playlist 0.0 -> 0.2 -> 0.9 and a second one at 0.5, 0.55; candidates: all five tracks
        PlaylistSequence first = new PlaylistSequence("p1", "pop", "dance pop", List.of(track("a", 0.0), track("b", 0.2), track("c", 0.9)));
        PlaylistSequence second = new PlaylistSequence("p2", "pop", "dance pop", List.of(track("d", 0.5), track("e", 0.55)));
        NextTrackEvaluation evaluation = new NextTrackEvaluation(IDENTITY, List.of(first, second));
        assertEquals(5, evaluation.candidateCount());
        FlowMetrics last = evaluation.evaluate(new NextTrackBaseline(NextTrackBaseline.Kind.LAST_TRACK, IDENTITY));
        // errors per position: |0.2-0|, |0.9-0.2|, |0.55-0.5| on each of the 8 features
        assertEquals((0.2 + 0.7 + 0.05) / 3, last.mae(), 1e-12);
        assertEquals(3, last.predictions());
        // ranks: from 0.0 the true 0.2 has a (0.0) closer -> 2; from 0.2 the true 0.9 has a, b, d, e closer -> 5;
        // from 0.5 the true 0.55 has d closer -> 2
        assertEquals((1 / 2.0 + 1 / 5.0 + 1 / 2.0) / 3, last.mrr(), 1e-12);
        assertEquals(1.0, last.hitRateAt10(), 1e-12);
    }

    @Test
    void hindsightPredictsEachTrackByTheMedianOfTheOtherTracksOfItsPlaylist() {
        PlaylistSequence first = new PlaylistSequence("p1", "pop", "dance pop", List.of(track("a", 0.0), track("b", 0.2), track("c", 0.9)));
        PlaylistSequence second = new PlaylistSequence("p2", "pop", "dance pop", List.of(track("d", 0.5), track("e", 0.55)));
        FlowMetrics hindsight = new NextTrackEvaluation(IDENTITY, List.of(first, second)).evaluateHindsight();
        // b from median(a, c) = 0.45, c from median(a, b) = 0.1, e from d = 0.5
        assertEquals((0.25 + 0.8 + 0.05) / 3, hindsight.mae(), 1e-12);
        assertEquals(3, hindsight.predictions());
        // ranks: around 0.45 the true 0.2 has d, e closer -> 3; around 0.1 the true 0.9 has all four others closer -> 5;
        // around 0.5 the true 0.55 has d closer -> 2
        assertEquals((1 / 3.0 + 1 / 5.0 + 1 / 2.0) / 3, hindsight.mrr(), 1e-12);
    }

    @Test
    void onExchangeableTracksHindsightIsTheFloorForTheRunningMedian() {
        NextTrackEvaluation evaluation = new NextTrackEvaluation(IDENTITY, exchangeablePlaylists(11, 30, 25, 0.4));
        double runningMedian = evaluation.evaluateBaselines().get("running-median").mae();
        double hindsight = evaluation.evaluateHindsight().mae();
        assertTrue(hindsight < runningMedian, hindsight + " vs " + runningMedian);
        // the error left is the spread of the tracks around their playlist's centre (0.4 * sqrt(2/pi) ~ 0.32)
        assertEquals(0.4 * Math.sqrt(2 / Math.PI), hindsight, 0.03);
    }

    @Test
    void evaluatesEveryBaselineAndTheRealisticOrderHolds() {
        Map<String, FlowMetrics> baselines = new NextTrackEvaluation(IDENTITY, exchangeablePlaylists(5, 20, 30, 0.3)).evaluateBaselines();
        assertEquals(List.of("global-mean", "last-track", "running-mean", "running-median"), List.copyOf(baselines.keySet()));
        assertTrue(baselines.get("running-median").mae() < baselines.get("global-mean").mae());
        assertTrue(baselines.get("running-mean").mae() < baselines.get("last-track").mae());
    }

    @Test
    void runningStatisticsMatchSorting() {
        Random random = new Random(11);
        RunningFlowStatistics statistics = new RunningFlowStatistics(2, 2);
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            double v = random.nextGaussian();
            seen.add(v);
            statistics.add(new double[] {v, -v});
            List<Double> sorted = seen.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            assertEquals(median, statistics.median()[0], 1e-12);
            assertEquals(-median, statistics.median()[1], 1e-12);
            assertEquals(seen.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), statistics.mean()[0], 1e-12);
            assertEquals(sorted.get(0), statistics.quantile(0)[0], 1e-12);
        }
    }

    @Test
    void splitKeepsEveryRunOfAPlaylistOnOneSideAndHoldsOutPerSubgenre() {
        List<PlaylistSequence> playlists = new ArrayList<>();
        for (String subgenre : List.of("trap", "indie poptimism", "big room")) {
            for (int i = 0; i < 10; i++) {
                playlists.add(new PlaylistSequence(subgenre + i, "g", subgenre, List.of(track("x", 0))));
            }
        }
        playlists.add(new PlaylistSequence("trap3", "rap", "gangster rap", List.of(track("y", 0)))); // a second run of trap3
        PlaylistSplit split = PlaylistSplit.bySubgenre(playlists, 0.2, 42);
        assertEquals(playlists.size(), split.training().size() + split.validation().size());
        for (String subgenre : List.of("trap", "indie poptimism", "big room")) {
            assertEquals(2, split.validation().stream().filter(p -> p.subgenre().equals(subgenre)).count(), subgenre);
        }
        boolean trap3Held = split.validation().stream().anyMatch(p -> p.playlistId().equals("trap3"));
        assertEquals(trap3Held ? 0 : 2, split.training().stream().filter(p -> p.playlistId().equals("trap3")).count());
        assertEquals(split, PlaylistSplit.bySubgenre(playlists, 0.2, 42), "deterministic");
    }
}

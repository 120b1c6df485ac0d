package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.music.CamelotKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The in-memory index over the real catalog, checked against a plain scan of the tracks. */
class TempoIndexTest {

    @Test
    void windowsHoldExactlyTheTracksOfThatKeyAndTempo() {
        TempoIndex index = RealCatalog.index();
        for (double[] range : new double[][] {{148, 152}, {74, 76}, {164.5, 165.5}, {0, 1000}, {239, 240}}) {
            for (int k = 0; k < TempoIndex.KEYS; k++) {
                TempoIndex.Window w = index.window(k, range[0], range[1]);
                Set<String> fromIndex = new HashSet<>();
                for (int j = w.from(); j < w.to(); j++) {
                    fromIndex.add(index.track(index.ordered(k)[j]).id());
                }
                CamelotKey key = TempoIndex.camelotOf(k);
                Set<String> scanned = index.tracks().stream()
                        .filter(t -> t.camelotKey().equals(key) && t.tempo() >= range[0] && t.tempo() <= range[1])
                        .map(Track::id).collect(Collectors.toSet());
                assertEquals(scanned, fromIndex, key + " " + range[0] + "-" + range[1]);
            }
        }
    }

    @Test
    void eachKeysTracksAreInTempoOrder() {
        TempoIndex index = RealCatalog.index();
        for (int k = 0; k < TempoIndex.KEYS; k++) {
            int[] order = index.ordered(k);
            for (int j = 1; j < order.length; j++) {
                assertTrue(index.tempo(order[j - 1]) <= index.tempo(order[j]));
            }
        }
    }

    @Test
    void indexesEachValidTrackOnceAndFindsItById() {
        TempoIndex index = RealCatalog.index();
        assertEquals(index.tracks().stream().map(Track::id).distinct().count(), index.size());
        assertTrue(index.size() > 23_000, "the training split has 23,617 distinct tracks, a few without a tempo");
        assertTrue(index.tracks().stream().allMatch(t -> t.tempo() > 0));
        Track some = index.track(1234);
        assertEquals(1234, index.indexOf(some.id()).getAsInt());
        assertTrue(index.indexOf("not-a-track").isEmpty());
        assertEquals(0.0, index.flowDistance(1234, index.vector(1234)), 1e-6);
    }

    @Test
    void bucketsRoundTripEveryCamelotKey() {
        for (int k = 0; k < TempoIndex.KEYS; k++) {
            assertEquals(k, TempoIndex.bucket(TempoIndex.camelotOf(k)));
        }
        assertEquals(List.of(0, 1, 1, 1), List.of(TempoIndex.wheelSteps(14, 14), TempoIndex.wheelSteps(14, 15),
                TempoIndex.wheelSteps(14, 12), TempoIndex.wheelSteps(14, 16)));
    }
}

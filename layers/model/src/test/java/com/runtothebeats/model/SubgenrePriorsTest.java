package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.flow.RunningFlowStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subgenre priors learnt from real playlists, and the encoding that reads them. */
class SubgenrePriorsTest {

    private final List<PlaylistSequence> fixture = FixtureModel.fixture();
    private final FeatureTransform transform = FixtureModel.transform();

    @Test
    void aSubgenresPriorIsTheMedianOfItsTracksAndUnknownLabelsFallBack() {
        SubgenrePriors priors = SubgenrePriors.learn(fixture, transform);
        PlaylistSequence first = fixture.get(0);
        List<PlaylistSequence> same = fixture.stream().filter(p -> p.subgenre().equals(first.subgenre())).toList();
        RunningFlowStatistics expected = new RunningFlowStatistics(8, 100);
        same.forEach(p -> p.tracks().stream().map(Track::features).map(transform::standardise).forEach(expected::add));
        assertArrayEquals(expected.median(), priors.of(new PlaylistContext(first.genre(), first.subgenre())).orElseThrow(), 1e-12);
        assertArrayEquals(priors.byGenre().get(first.genre()),
                priors.of(new PlaylistContext(first.genre(), "a subgenre never seen")).orElseThrow(), 0.0);
        assertTrue(priors.of(new PlaylistContext("never", "seen")).isEmpty());
        assertTrue(priors.of(PlaylistContext.UNKNOWN).isEmpty());
        assertTrue(SubgenrePriors.NONE.of(new PlaylistContext(first.genre(), first.subgenre())).isEmpty());
    }

    @Test
    void modelsTrainedWithoutThePriorStillGetTheirOldInputs() {
        var tracks = fixture.get(1).tracks().stream().map(Track::features).toList();
        var old = FlowInputEncoding.encode(tracks, transform, null, FlowInputEncoding.SIZE_WITHOUT_PRIOR);
        var current = FlowInputEncoding.encode(tracks, transform, new double[8], FlowInputEncoding.SIZE);
        assertEquals(44, old.width());
        for (int t = 0; t < tracks.size(); t++) {
            for (int i = 0; i < old.width(); i++) {
                assertEquals(old.inputs()[t][i], current.inputs()[t][i], 0f);
            }
            assertEquals(1f, current.inputs()[t][FlowInputEncoding.SIZE - 1], 0f);
        }
    }
}

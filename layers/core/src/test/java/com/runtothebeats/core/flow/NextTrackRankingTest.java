package com.runtothebeats.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextTrackRankingTest {

    /** Yeo-Johnson with lambda 1 and z-score (0, 1): standardised = original. */
    private static final FeatureTransform IDENTITY = new FeatureTransform("identity", FlowFeature.columnNames(),
            new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[8], new double[] {1, 1, 1, 1, 1, 1, 1, 1},
            new double[] {-100, -100, -100, -100, -100, -100, -100, -100}, new double[] {100, 100, 100, 100, 100, 100, 100, 100});

    private static Track track(String id, String artist, double value, int popularity) {
        return new Track(id, id, artist, "album " + id, popularity,
                new AudioFeatures(value, value, value, value, value, value, value, value, 0, 1, 120, 1000));
    }

    /** Scores each candidate by a fixed table, whatever was played. */
    private record Fixed(double[] table) implements NextTrackRanker {
        public String version() {
            return "fixed";
        }

        public Candidates prepare(List<Track> candidates) {
            return new Candidates() {
                public List<Track> tracks() {
                    return candidates;
                }

                public Session start(PlaylistContext context) {
                    return new Session() {
                        public void play(Track track) {
                        }

                        public double[] scores() {
                            return table.clone();
                        }
                    };
                }
            };
        }
    }

    @Test
    void ranksAmongTheCandidatesNotYetPlayedWithTiesInCandidateOrder() {
        boolean[] played = {false, true, false, false, false};
        double[] scores = {0.5, 9.0, 0.5, 0.7, 0.1};
        assertEquals(1, NextTrackRanking.rank(scores, played, 3), "the played candidate with 9.0 does not count");
        assertEquals(2, NextTrackRanking.rank(scores, played, 0));
        assertEquals(3, NextTrackRanking.rank(scores, played, 2), "equal score, later in the file: after");
        assertArrayEquals(new int[] {3, 0, 2}, NextTrackRanking.top(scores, played, 3));
        assertArrayEquals(new int[] {3, 0, 2, 4}, NextTrackRanking.top(scores, played, 10));
    }

    @Test
    void hitRatesAndMrrFollowTheTrueTracksPlaces() {
        Track a = track("a", "x", 0, 0);
        Track b = track("b", "x", 0, 0);
        Track c = track("c", "x", 0, 0);
        PlaylistSequence playlist = new PlaylistSequence("p", "rock", "hard rock", List.of(a, b, c));
        List<Track> candidates = new ArrayList<>(List.of(a, b, c));
        for (int i = 0; i < 200; i++) {
            candidates.add(track("n" + i, "y", 0, 0));
        }
        double[] table = new double[candidates.size()];
        for (int i = 0; i < table.length; i++) {
            table[i] = -i; // file order: a, b, c, n0, n1, ...
        }
        table[2] = -51.5; // n_i scores -(i + 3): n0..n48 are above c
        RankingMetrics m = new NextTrackRanking(List.of(playlist), candidates).evaluate(new Fixed(table));
        // position 1: b is best once a is played -> rank 1; position 2: a, b played; 49 n's above c -> rank 50
        assertEquals(2, m.positions());
        assertEquals(0.5, m.hitRateAt10(), 1e-12);
        assertEquals(1.0, m.hitRateAt100(), 1e-12);
        assertEquals((1.0 + 1.0 / 50) / 2, m.mrr(), 1e-12);
    }

    @Test
    void aTrueTrackMissingFromTheCandidatesIsAMiss() {
        Track a = track("a", "x", 0, 0);
        Track b = track("b", "x", 0, 0);
        RankingMetrics m = new NextTrackRanking(List.of(new PlaylistSequence("p", "g", "s", List.of(a, b))), List.of(a))
                .evaluate(new Fixed(new double[] {1}));
        assertEquals(1, m.positions());
        assertEquals(0, m.mrr(), 0);
    }

    @Test
    void baselinesRankAsTheirNamesSay() {
        Track first = track("first", "artist", 0.0, 10);
        Track sameArtistFar = track("far", "artist", 5.0, 20);
        Track near = track("near", "other", 0.1, 30);
        Track popular = track("popular", "other", 9.0, 99);
        List<Track> candidates = List.of(first, sameArtistFar, near, popular);
        NextTrackRanker.Session byDistance = new RankingBaseline(RankingBaseline.Kind.FEATURE_DISTANCE, IDENTITY)
                .prepare(candidates).start(PlaylistContext.UNKNOWN);
        byDistance.play(first);
        double[] s = byDistance.scores();
        assertTrue(s[2] > s[1] && s[1] > s[3]);
        NextTrackRanker.Session sameArtist = new RankingBaseline(RankingBaseline.Kind.SAME_ARTIST_THEN_DISTANCE, IDENTITY)
                .prepare(candidates).start(PlaylistContext.UNKNOWN);
        sameArtist.play(first);
        s = sameArtist.scores();
        assertTrue(s[1] > s[2] && s[2] > s[3], "the played artist first, then distance");
        NextTrackRanker.Session popularity = new RankingBaseline(RankingBaseline.Kind.POPULARITY, IDENTITY)
                .prepare(candidates).start(PlaylistContext.UNKNOWN);
        popularity.play(first);
        s = popularity.scores();
        assertTrue(s[3] > s[2] && s[2] > s[1]);
        Map<String, RankingMetrics> all = new NextTrackRanking(
                List.of(new PlaylistSequence("p", "g", "s", List.of(first, sameArtistFar))), candidates).evaluateBaselines(IDENTITY);
        assertEquals(List.of("feature-distance", "same-artist-then-distance", "popularity"), List.copyOf(all.keySet()));
        assertEquals(1.0, all.get("same-artist-then-distance").mrr(), 1e-12);
        assertEquals(1.0 / 2, all.get("feature-distance").mrr(), 1e-12);
    }
}

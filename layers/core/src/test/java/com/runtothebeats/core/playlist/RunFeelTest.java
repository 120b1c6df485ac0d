package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.OctaveCheck;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's done-means on the real catalog, through the service the API and the CLI share: no song twice
 * (by this test's own, blunter normaliser), energy that follows the effort, every hard constraint.
 */
class RunFeelTest {

    private static RecommendationService service() {
        return new RecommendationService(RealCatalog.builder());
    }

    static RecommendationRequest request(double bpm, TempoPlan.Request plan) {
        return new RecommendationRequest(TargetTempo.explicit(bpm, "target.bpm"), plan, 60.0, List.of(), PlaylistOptions.DEFAULTS);
    }

    /** Our own song identity: title cut at the first bracket or " - ", artist cut at "feat"/"with", accents and case folded. */
    static String song(String title, String artist) {
        String t = title.split("\\s[(\\[]|\\s-\\s|\\sfeat\\.|\\sft\\.")[0];
        String a = artist.split("(?i)\\s(feat\\.?|ft\\.|featuring|with)\\s")[0];
        return fold(t) + "/" + fold(a);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
    }

    static void assertNoSongTwice(Recommendation r) {
        Set<String> seen = new HashSet<>();
        for (Recommendation.Item item : r.tracks()) {
            assertTrue(seen.add(song(item.name(), item.artist())), "song twice: " + item.name() + " by " + item.artist());
        }
        assertEquals(r.tracks().size(), r.summary().distinctSongs());
    }

    private static long lowEnergy(Recommendation r) {
        return r.tracks().stream().filter(i -> i.energy() < 0.5).count();
    }

    private static void assertHardConstraints(Recommendation r, DoubleUnaryOperator plan) {
        PlaylistRules.assertMeetsAll(toPlaylist(r), 60, plan, true, 2.0, true);
    }

    /** The response back into placed tracks with the catalog's own data, for PlaylistRules. */
    private static Playlist toPlaylist(Recommendation r) {
        TempoIndex index = RealCatalog.index();
        List<PlacedTrack> placed = r.tracks().stream().map(i -> new PlacedTrack(i.position(),
                index.track(index.indexOf(i.id()).getAsInt()), i.startMs(), i.effectiveTempo(), i.targetTempo(),
                i.harmonic(), i.seed(), i.scores())).toList();
        return new Playlist(placed, 3_600_000, r.summary().totalCost(), null, r.summary().beamWidth());
    }

    @ParameterizedTest(name = "steady {0} BPM for 60 minutes")
    @ValueSource(doubles = {150, 165, 180})
    void steadyHourHasNoSongTwiceAndAtMostOneLowEnergyTrack(double bpm) {
        Recommendation r = service().recommend(request(bpm, TempoPlan.Request.steady()));
        assertNoSongTwice(r);
        assertTrue(lowEnergy(r) <= 1, lowEnergy(r) + " tracks below 0.5 energy");
        assertEquals(lowEnergy(r), r.summary().lowEnergyTracks());
        assertHardConstraints(r, PlaylistRules.steady(bpm));
        assertOctaveSuspectsHeardAsIs(r);
    }

    @Test
    void rampFrom150To175HasNoSongTwiceAndAtMostOneLowEnergyTrack() {
        Recommendation r = service().recommend(request(150, new TempoPlan.Request("ramp", 150.0, 175.0, null)));
        assertNoSongTwice(r);
        assertTrue(lowEnergy(r) <= 1, lowEnergy(r) + " tracks below 0.5 energy");
        assertHardConstraints(r, PlaylistRules.ramp(150, 175, 60));
        assertTrue(r.tracks().stream().allMatch(i -> i.effort().equals("ramp")));
        assertOctaveSuspectsHeardAsIs(r);
    }

    @Test
    void intervalWorkBlocksCarryMoreEnergyThanRecovery() {
        TempoPlan.Request plan = new TempoPlan.Request("intervals", null, null,
                List.of(new TempoPlan.BlockRequest(4.0, 178.0), new TempoPlan.BlockRequest(2.0, 150.0)));
        Recommendation r = service().recommend(request(165, plan));
        assertNoSongTwice(r);
        assertHardConstraints(r, PlaylistRules.intervals(new double[][] {{4, 178}, {2, 150}}));
        double work = r.tracks().stream().filter(i -> i.targetTempo() == 178).mapToDouble(Recommendation.Item::energy).average().orElseThrow();
        double recovery = r.tracks().stream().filter(i -> i.targetTempo() == 150).mapToDouble(Recommendation.Item::energy).average().orElseThrow();
        assertTrue(work > recovery, "work " + work + " vs recovery " + recovery);
        assertTrue(r.tracks().stream().filter(i -> i.targetTempo() == 178).allMatch(i -> i.effort().equals("work") && i.energy() >= 0.5));
        assertTrue(r.tracks().stream().filter(i -> i.targetTempo() == 150).allMatch(i -> i.effort().equals("recovery")));
    }

    @Test
    void warmUpAndCoolDownSitAtNinetyPercentWithLowerEnergy() {
        RecommendationRequest base = request(165, TempoPlan.Request.steady());
        RecommendationRequest easy = new RecommendationRequest(base.target(), base.plan(), 60.0, List.of(), PlaylistOptions.DEFAULTS,
                RunnerLimits.NONE, 5.0, 5.0, Set.of());
        Recommendation r = service().recommend(easy);
        assertNoSongTwice(r);
        double easyBpm = 0.9 * 165;
        DoubleUnaryOperator plan = ms -> ms < 5 * 60_000 || ms >= 55 * 60_000 ? easyBpm : 165;
        assertHardConstraints(r, plan);
        List<Recommendation.Item> first = r.tracks().stream().filter(i -> i.startMs() + i.durationMs() / 2.0 < 5 * 60_000).toList();
        List<Recommendation.Item> last = r.tracks().stream().filter(i -> i.startMs() + i.durationMs() / 2.0 >= 55 * 60_000).toList();
        List<Recommendation.Item> main = r.tracks().stream().filter(i -> !first.contains(i) && !last.contains(i)).toList();
        assertTrue(!first.isEmpty() && !last.isEmpty(), "a track plays in the warm-up and in the cool-down");
        assertTrue(first.stream().allMatch(i -> i.targetTempo() == easyBpm && i.effort().equals("warm-up")));
        assertTrue(last.stream().allMatch(i -> i.targetTempo() == easyBpm && i.effort().equals("cool-down")));
        double mainEnergy = main.stream().mapToDouble(Recommendation.Item::energy).average().orElseThrow();
        double easyEnergy = java.util.stream.Stream.concat(first.stream(), last.stream()).mapToDouble(Recommendation.Item::energy).average().orElseThrow();
        assertTrue(easyEnergy < mainEnergy, "warm-up/cool-down energy " + easyEnergy + " vs main " + mainEnergy);
        assertEquals(List.of(0.0, 5.0, 5.0, 55.0, 55.0, 60.0), r.plan().curve().stream().map(TempoPlan.CurvePoint::minute).toList());
    }

    private static void assertOctaveSuspectsHeardAsIs(Recommendation r) {
        TempoIndex index = RealCatalog.index();
        for (Recommendation.Item i : r.tracks()) {
            Track t = index.track(index.indexOf(i.id()).getAsInt());
            if (OctaveCheck.suspect(t)) {
                assertEquals(t.tempo(), i.effectiveTempo(), "a suspect tempo is not folded: " + t);
            }
        }
    }

    @Test
    void theCatalogHoldsTheIssuesTwinsAndThePlaylistUsesOneOfEach() {
        TempoIndex index = RealCatalog.index();
        assertEquals(index.song(index.indexOf("1wfZdPy5FRWsdWaAEOG0Ml").getAsInt()), index.song(index.indexOf("1qcyw35R6PiMBYfSSK7gDm").getAsInt()),
                "Say It (Illenium Remix) under two ids");
        assertEquals(index.song(index.indexOf("3kgutGd839IOYRl6ekeq6V").getAsInt()), index.song(index.indexOf("6xGDXrZQoisoWkKWsgplcZ").getAsInt()),
                "All I Have with and without LL Cool J");
    }
}

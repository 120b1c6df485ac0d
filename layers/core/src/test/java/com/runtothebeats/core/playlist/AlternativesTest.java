package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Swapping one track of a built playlist, and bans, on the real catalog. */
class AlternativesTest {

    private static final RecommendationService SERVICE = new RecommendationService(RealCatalog.builder());

    private static List<String> ids(Recommendation r) {
        return r.tracks().stream().map(Recommendation.Item::id).toList();
    }

    private static Playlist placed(Recommendation r) {
        TempoIndex index = RealCatalog.index();
        return new Playlist(r.tracks().stream().map(i -> new PlacedTrack(i.position(), index.track(index.indexOf(i.id()).getAsInt()),
                i.startMs(), i.effectiveTempo(), i.targetTempo(), i.harmonic(), i.seed(), i.scores())).toList(), 3_600_000, 0, null, 8);
    }

    private static void assertGoodAlternatives(RecommendationRequest request, Recommendation original, int position,
                                               DoubleUnaryOperator plan) {
        RecommendationService.Alternatives answer = SERVICE.alternatives(request, ids(original), position, 10);
        assertEquals(original.tracks().get(position).id(), answer.replacedId());
        assertFalse(answer.alternatives().isEmpty(), "the real catalog offers alternatives for slot " + position);
        double previousCost = Double.NEGATIVE_INFINITY;
        for (RecommendationService.Alternative a : answer.alternatives()) {
            Recommendation edited = a.playlist();
            assertNotEquals(original.tracks().get(position).id(), a.track().id());
            assertEquals(a.track(), edited.tracks().get(position));
            for (int i = 0; i < Math.min(position, edited.tracks().size()); i++) {
                assertEquals(original.tracks().get(i).id(), edited.tracks().get(i).id(), "tracks before the slot stay");
            }
            // Tempo at its slot, harmony with both neighbours, artist spacing on both sides, length: the whole edit.
            PlaylistRules.assertMeetsAll(placed(edited), 60, plan, true, 2.0, true);
            RunFeelTest.assertNoSongTwice(edited);
            String artist = SongKey.primaryArtist(a.track().artist());
            for (int i = Math.max(0, position - 3); i <= Math.min(edited.tracks().size() - 1, position + 3); i++) {
                if (i != position) {
                    assertNotEquals(artist, SongKey.primaryArtist(edited.tracks().get(i).artist()), "artist spacing around " + position);
                }
            }
            assertTrue(edited.summary().totalCost() >= previousCost, "best first");
            previousCost = edited.summary().totalCost();
        }
    }

    @Test
    void steadyAlternativesKeepEveryConstraintWithBothNeighbours() {
        RecommendationRequest request = RunFeelTest.request(165, TempoPlan.Request.steady());
        Recommendation original = SERVICE.recommend(request);
        for (int position : new int[] {0, 5, original.tracks().size() - 1}) {
            assertGoodAlternatives(request, original, position, PlaylistRules.steady(165));
        }
    }

    @Test
    void rampAlternativesKeepTheLaterTracksOnTheirShiftedTargets() {
        RecommendationRequest request = RunFeelTest.request(150, new TempoPlan.Request("ramp", 150.0, 175.0, null));
        Recommendation original = SERVICE.recommend(request);
        assertGoodAlternatives(request, original, 3, PlaylistRules.ramp(150, 175, 60));
    }

    @Test
    void aBannedSongNeverReturnsInAlternativesOrPlaylists() {
        RecommendationRequest request = RunFeelTest.request(165, TempoPlan.Request.steady());
        Recommendation original = SERVICE.recommend(request);
        RecommendationService.Alternative best = SERVICE.alternatives(request, ids(original), 4, 5).alternatives().get(0);
        SongKey bannedAlternative = SongKey.parse(best.track().songKey());
        SongKey bannedInPlaylist = SongKey.parse(original.tracks().get(2).songKey());
        RecommendationRequest banned = request.withBannedSongs(Set.of(bannedAlternative, bannedInPlaylist));
        Recommendation again = SERVICE.recommend(banned);
        assertTrue(again.tracks().stream().noneMatch(i -> i.songKey().equals(bannedAlternative.toString())
                || i.songKey().equals(bannedInPlaylist.toString())));
        for (RecommendationService.Alternative a : SERVICE.alternatives(banned, ids(original), 4, 20).alternatives()) {
            assertNotEquals(bannedAlternative.toString(), a.track().songKey());
        }
        for (double bpm : new double[] {150, 180}) {
            Recommendation other = SERVICE.recommend(RunFeelTest.request(bpm, TempoPlan.Request.steady()).withBannedSongs(Set.of(bannedAlternative)));
            assertTrue(other.tracks().stream().noneMatch(i -> i.songKey().equals(bannedAlternative.toString())));
        }
    }

    @Test
    void badSlotsAndPlaylistsAre400sNamingTheField() {
        RecommendationRequest request = RunFeelTest.request(165, TempoPlan.Request.steady());
        List<String> ids = ids(SERVICE.recommend(request));
        assertField("position", () -> SERVICE.alternatives(request, ids, -1, 5));
        assertField("position", () -> SERVICE.alternatives(request, ids, ids.size(), 5));
        assertField("limit", () -> SERVICE.alternatives(request, ids, 0, 0));
        assertField("limit", () -> SERVICE.alternatives(request, ids, 0, 21));
        List<String> unknown = new ArrayList<>(ids);
        unknown.set(3, "0000000000000000000000");
        assertField("trackIds[3]", () -> SERVICE.alternatives(request, unknown, 0, 5));
        List<String> twice = new ArrayList<>(ids);
        twice.set(3, ids.get(0));
        assertField("trackIds[3]", () -> SERVICE.alternatives(request, twice, 0, 5));
        assertField("trackIds", () -> SERVICE.alternatives(request, List.of(), 0, 5));
        // The ids of a 165 BPM playlist are not a playlist for a 150 BPM request.
        assertField("trackIds", () -> SERVICE.alternatives(RunFeelTest.request(150, TempoPlan.Request.steady()), ids, 0, 5));
    }

    private static void assertField(String field, Runnable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}

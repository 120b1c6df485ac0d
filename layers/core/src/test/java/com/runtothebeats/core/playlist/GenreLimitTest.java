package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request's {@code genres} on the real catalog: the labels tracks carry, the limit, its 400 and 422. */
class GenreLimitTest {

    private static RecommendationRequest withGenres(double bpm, List<String> genres) {
        return new RecommendationRequest(TargetTempo.explicit(bpm, "target.bpm"), TempoPlan.Request.steady(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.of(false, null, null, null, null, null, null, genres), null, null, Set.of());
    }

    @Test
    void theCatalogCarriesTheDatasetsPlaylistGenres() {
        TempoIndex index = RealCatalog.index();
        assertEquals(List.of("edm", "latin", "pop", "r&b", "rap", "rock"), index.genres().labels());
        int several = 0;
        for (int i = 0; i < index.size(); i++) {
            List<String> genres = index.track(i).details().genres();
            assertTrue(!genres.isEmpty(), index.track(i).id() + " has no genre");
            several += genres.size() > 1 ? 1 : 0;
        }
        assertTrue(several > 100, "tracks in playlists of several genres carry each: " + several);
    }

    @Test
    void everyTrackIsOfAGenreAskedFor() {
        RecommendationService service = new RecommendationService(RealCatalog.builder());
        for (double bpm : new double[] {150, 165}) {
            Recommendation r = service.recommend(withGenres(bpm, List.of(" Rock")));
            for (Recommendation.Item item : r.tracks()) {
                Track t = RealCatalog.index().track(RealCatalog.index().indexOf(item.id()).getAsInt());
                assertTrue(t.details().genres().contains("rock"), item.name() + " is " + t.details().genres());
            }
            assertEquals(new DominantGenre("rock", r.tracks().size(), 1.0), r.summary().dominantGenre());
        }
        Recommendation two = service.recommend(withGenres(165, List.of("latin", "r&b")));
        for (Recommendation.Item item : two.tracks()) {
            Track t = RealCatalog.index().track(RealCatalog.index().indexOf(item.id()).getAsInt());
            assertTrue(t.details().genres().contains("latin") || t.details().genres().contains("r&b"), t.details().genres().toString());
        }
    }

    @Test
    void anUnknownGenreIsA400NamingGenres() {
        RecommendationService service = new RecommendationService(RealCatalog.builder());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.recommend(withGenres(165, List.of("rock", "polka"))));
        assertEquals("genres", e.field());
        assertTrue(e.getMessage().contains("'polka'") && e.getMessage().contains("edm, latin, pop, r&b, rap, rock"), e.getMessage());
        assertEquals("genres", assertThrows(InvalidInputException.class, () -> withGenres(165, List.of(" "))).field());
    }

    @Test
    void aGenreWithoutAPlaylistAtTheTempoIsA422NamingGenres() {
        RecommendationService service = new RecommendationService(RealCatalog.builder());
        // unfolded at 185 BPM, the catalog has about 110 tracks for an hour's run, 7 of them edm
        RecommendationRequest request = new RecommendationRequest(TargetTempo.explicit(185, "target.bpm"), TempoPlan.Request.steady(), 60.0,
                List.of(), PlaylistOptions.DEFAULTS.withFold(false), RunnerLimits.of(false, null, null, null, null, null, null, List.of("edm")),
                null, null, Set.of());
        NoPlaylistException e = assertThrows(NoPlaylistException.class, () -> service.recommend(request));
        assertEquals("genres", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("Add genres"), e.getMessage());
    }
}

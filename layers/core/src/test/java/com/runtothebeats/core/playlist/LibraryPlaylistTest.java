package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Playlists from the runner's library (issue 12, point 4) on the real catalog, through the service the API and
 * the CLI share: {@code library} uses only the runner's tracks inside every hard constraint, {@code mix} takes the
 * runner's first and fills from catalog tracks in their style, each track says where it came from, and a library
 * too small for the plan is a 422 that says so and what would help.
 */
class LibraryPlaylistTest {

    private static final RecommendationService SERVICE = new RecommendationService(RealCatalog.builder());
    /** About 2,000 tracks of about one artist in twelve. */
    private static final List<LibraryTrack> LIBRARY = RunnerLibraryFixture.library(RunnerLibraryFixture.artistsOneIn(12), 2_000, 7);
    private static final LibraryIndex INDEX = RunnerLibraryFixture.index(LIBRARY);

    private static RecommendationRequest request(double bpm, TempoPlan.Request plan, double minutes, TrackSource source, LibraryIndex library) {
        return new RecommendationRequest(TargetTempo.explicit(bpm, "target.bpm"), plan, minutes, List.of(), PlaylistOptions.DEFAULTS)
                .withSource(source).withLibrary(library);
    }

    private static Set<String> libraryIds(List<LibraryTrack> library) {
        return library.stream().map(LibraryTrack::id).collect(Collectors.toSet());
    }

    /** Every rule the search promises, checked on the response with the index the tracks came from. */
    private static void assertHardConstraints(Recommendation r, TempoIndex index, double minutes, DoubleUnaryOperator plan) {
        List<PlacedTrack> placed = r.tracks().stream().map(i -> new PlacedTrack(i.position(),
                index.track(index.indexOf(i.id()).getAsInt()), i.startMs(), i.effectiveTempo(), i.targetTempo(),
                i.harmonic(), i.seed(), i.scores())).toList();
        PlaylistRules.assertMeetsAll(new Playlist(placed, Math.round(minutes * 60_000), r.summary().totalCost(), null,
                r.summary().beamWidth()), minutes, plan, true, 2.0, true);
        RunFeelTest.assertNoSongTwice(r);
        for (Recommendation.Item item : r.tracks()) {
            assertTrue(item.energy() >= PlaylistOptions.DEFAULT_ENERGY_FLOOR, item.name() + " is below the energy floor");
        }
    }

    @Test
    void theTestLibraryIsARealLibrary() {
        assertTrue(LIBRARY.size() > 1_500, LIBRARY.size() + " tracks");
        assertTrue(INDEX.tracks().size() == LIBRARY.size(), "every track with tempo and key takes part, GetSongBPM's too");
    }

    @Test
    void libraryUsesOnlyTheRunnersTracksAndKeepsEveryHardConstraint() {
        Recommendation r = SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, INDEX));
        Set<String> own = libraryIds(LIBRARY);
        for (Recommendation.Item item : r.tracks()) {
            assertTrue(own.contains(item.id()), item.id() + " is not the runner's");
            assertTrue(item.fromLibrary());
        }
        assertEquals("library", r.summary().source());
        assertEquals(r.tracks().size(), r.summary().fromLibrary());
        assertHardConstraints(r, INDEX.tracks(), 30, PlaylistRules.steady(160));
    }

    @Test
    void aLibraryRampKeepsEveryHardConstraintToo() {
        Recommendation r = SERVICE.recommend(request(150, new TempoPlan.Request("ramp", 150.0, 170.0, null), 45, TrackSource.LIBRARY, INDEX));
        assertEquals(r.tracks().size(), r.summary().fromLibrary());
        assertHardConstraints(r, INDEX.tracks(), 45, PlaylistRules.ramp(150, 170, 45));
    }

    @Test
    void tracksKnownOnlyByTempoAndKeyTakePartAtTheCatalogsTypicalSound() {
        List<LibraryTrack> tempoOnly = RunnerLibraryFixture.library(RunnerLibraryFixture.artistsOneIn(6), 1_500, 1);
        LibraryIndex index = RunnerLibraryFixture.index(tempoOnly);
        Recommendation r = SERVICE.recommend(request(165, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, index));
        assertEquals(r.tracks().size(), r.summary().fromLibrary());
        for (Recommendation.Item item : r.tracks()) {
            assertTrue(Double.isFinite(item.energy()) && Double.isFinite(item.scores().flow()), "unknown is not NaN: " + item);
        }
        assertTrue(r.summary().meanFlowDistance() < 0.5, "all at the typical sound: no flow distance between them, was "
                + r.summary().meanFlowDistance());
        assertEquals(null, index.style().centroid(), "nothing is known of the library's sound");
    }

    @Test
    void mixTakesTheRunnersTracksFirstAndFillsFromCatalogTracksInTheirStyle() {
        // A small library: at 170 BPM for an hour it cannot fill the run alone.
        List<LibraryTrack> small = RunnerLibraryFixture.library(RunnerLibraryFixture.artistsOneIn(40), 400, 0);
        LibraryIndex index = RunnerLibraryFixture.index(small);
        Recommendation r = SERVICE.recommend(request(170, TempoPlan.Request.steady(), 60, TrackSource.MIX, index));
        Set<String> own = libraryIds(small);
        TempoIndex mix = index.mix().get();
        Set<String> close = index.style().closeTracks(RealCatalog.index()).stream().map(Track::id).collect(Collectors.toSet());
        int fromLibrary = 0;
        for (Recommendation.Item item : r.tracks()) {
            assertEquals(own.contains(item.id()), item.fromLibrary(), item.id());
            fromLibrary += item.fromLibrary() ? 1 : 0;
            if (!item.fromLibrary()) {
                assertTrue(close.contains(item.id()), item.name() + " is not close to the library's style");
                assertEquals(LibraryIndex.CATALOG_COST, item.scores().catalog());
            } else {
                assertEquals(0, item.scores().catalog());
            }
        }
        assertEquals(fromLibrary, r.summary().fromLibrary());
        assertEquals("mix", r.summary().source());
        assertTrue(fromLibrary > 0 && fromLibrary < r.tracks().size(), fromLibrary + " of " + r.tracks().size() + " from the library");
        assertTrue(close.size() < RealCatalog.index().size(), "the style keeps part of the catalog out");
        assertHardConstraints(r, mix, 60, PlaylistRules.steady(170));
        // Only the fill is from the catalog: the library alone has fewer tracks at this tempo than the playlist.
        assertThrows(NoPlaylistException.class, () -> SERVICE.recommend(request(170, TempoPlan.Request.steady(), 60, TrackSource.LIBRARY, index)));
    }

    @Test
    void mixPrefersTheRunnersTracksOverEqualCatalogOnes() {
        Recommendation mix = SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.MIX, INDEX));
        assertTrue(mix.summary().fromLibrary() * 2 > mix.tracks().size(), mix.summary().fromLibrary() + " of " + mix.tracks().size());
    }

    @Test
    void theDefaultIsMixWithALibraryAndCatalogWithout() {
        Recommendation withLibrary = SERVICE.recommend(request(165, TempoPlan.Request.steady(), 20, null, INDEX));
        assertEquals("mix", withLibrary.summary().source());
        Recommendation without = SERVICE.recommend(request(165, TempoPlan.Request.steady(), 20, null, null));
        assertEquals("catalog", without.summary().source());
        assertEquals(0, without.summary().fromLibrary());
        Recommendation catalog = SERVICE.recommend(request(165, TempoPlan.Request.steady(), 20, TrackSource.CATALOG, INDEX));
        assertEquals(0, catalog.summary().fromLibrary(), "catalog means the catalog, library or not");
    }

    @Test
    void aLibraryTooSmallForThePlanIs422SayingSoWithWhatWouldHelp() {
        List<LibraryTrack> tiny = RunnerLibraryFixture.library(RunnerLibraryFixture.artistsOneIn(12), 60, 0);
        NoPlaylistException e = assertThrows(NoPlaylistException.class,
                () -> SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, RunnerLibraryFixture.index(tiny))));
        assertEquals("source", e.field());
        assertTrue(e.getMessage().contains("too few") && e.getMessage().contains("mix"), e.getMessage());
        List<String> fields = e.suggestions().stream().map(NoPlaylistException.Suggestion::field).toList();
        assertEquals(List.of("source", "options.tempoToleranceBpm"), fields);
        assertEquals("mix", e.suggestions().get(0).value());
        assertEquals(4.0, e.suggestions().get(1).value());

        RecommendationRequest unfolded = new RecommendationRequest(TargetTempo.explicit(160, "target.bpm"), TempoPlan.Request.steady(), 30.0,
                List.of(), PlaylistOptions.DEFAULTS.withFold(false)).withSource(TrackSource.LIBRARY).withLibrary(RunnerLibraryFixture.index(tiny));
        NoPlaylistException noFold = assertThrows(NoPlaylistException.class, () -> SERVICE.recommend(unfolded));
        NoPlaylistException.Suggestion fold = noFold.suggestions().get(1);
        assertEquals("options.fold", fold.field());
        assertTrue(fold.tracks() >= LibraryShortage.atTempi(RunnerLibraryFixture.index(tiny).tracks(), 160, 160, 2, false));
    }

    @Test
    void libraryWithoutALibraryIs422SayingToImportFirst() {
        NoLibraryException e = assertThrows(NoLibraryException.class,
                () -> SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, null)));
        assertEquals("source", e.field());
        assertTrue(e.getMessage().contains("import your Spotify library first"), e.getMessage());
    }

    @Test
    void aLibrarySeedMustBeTheRunnersOwn() {
        String catalogId = RealCatalog.index().track(0).id();
        RecommendationRequest seeded = new RecommendationRequest(TargetTempo.explicit(160, "target.bpm"), TempoPlan.Request.steady(), 30.0,
                List.of(catalogId), PlaylistOptions.DEFAULTS).withSource(TrackSource.LIBRARY).withLibrary(INDEX);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SERVICE.recommend(seeded));
        assertEquals("seedTrackIds[0]", e.field());
        // In a mix the runner may start from any catalog track, style or not.
        Track far = RealCatalog.index().tracks().stream().filter(t -> Math.abs(t.tempo() - 160) < 1
                && !INDEX.mix().get().indexOf(t.id()).isPresent()).findFirst().orElseThrow();
        Recommendation r = SERVICE.recommend(new RecommendationRequest(TargetTempo.explicit(160, "target.bpm"), TempoPlan.Request.steady(), 30.0,
                List.of(far.id()), PlaylistOptions.DEFAULTS).withSource(TrackSource.MIX).withLibrary(INDEX));
        assertEquals(far.id(), r.tracks().get(0).id());
        assertFalse(r.tracks().get(0).fromLibrary());
    }

    @Test
    void alternativesOfALibraryPlaylistAreTheRunnersTracks() {
        RecommendationRequest request = request(165, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, INDEX);
        Recommendation r = SERVICE.recommend(request);
        RecommendationService.Alternatives alternatives = SERVICE.alternatives(request,
                r.tracks().stream().map(Recommendation.Item::id).toList(), 2, 5);
        assertFalse(alternatives.alternatives().isEmpty());
        Set<String> own = libraryIds(LIBRARY);
        for (RecommendationService.Alternative a : alternatives.alternatives()) {
            assertTrue(own.contains(a.track().id()) && a.track().fromLibrary());
        }
    }

    @Test
    void genresKeepTheLibrarysTracksOfThoseGenresAsTheyKeepTheCatalogs() {
        // Half the runner's tracks are the catalog's own (same Spotify id: they carry its genre labels), half unknown to it.
        List<LibraryTrack> saved = RunnerLibraryFixture.library(RunnerLibraryFixture.artistsOneIn(4), 3_000, 7,
                t -> Math.floorMod(t.id().hashCode(), 2) == 0);
        LibraryIndex index = RunnerLibraryFixture.index(saved);
        RunnerLimits rock = RunnerLimits.of(false, null, null, null, null, null, null, List.of("rock"));
        Set<String> own = libraryIds(saved);
        for (TrackSource source : List.of(TrackSource.LIBRARY, TrackSource.MIX)) {
            Recommendation r = SERVICE.recommend(new RecommendationRequest(TargetTempo.explicit(160, "target.bpm"), TempoPlan.Request.steady(),
                    20.0, List.of(), PlaylistOptions.DEFAULTS, rock, null, null, Set.of()).withSource(source).withLibrary(index));
            for (Recommendation.Item item : r.tracks()) {
                assertEquals(own.contains(item.id()), item.fromLibrary(), item.id());
                Track inCatalog = RealCatalog.index().track(RealCatalog.index().indexOf(item.id()).orElseThrow(
                        () -> new AssertionError(item.name() + " carries no genre label: only the catalog's tracks know theirs")));
                assertTrue(inCatalog.details().genres().contains("rock"), item.name() + " is not rock");
            }
            assertEquals("rock", r.summary().dominantGenre().genre());
            assertEquals(1.0, r.summary().dominantGenre().share());
            assertTrue(r.summary().fromLibrary() > 0, source + ": " + r.summary().fromLibrary() + " from the library");
        }
        // A label the catalog lacks is the caller's mistake over a library as over the catalog.
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SERVICE.recommend(new RecommendationRequest(
                TargetTempo.explicit(160, "target.bpm"), TempoPlan.Request.steady(), 20.0, List.of(), PlaylistOptions.DEFAULTS,
                RunnerLimits.of(false, null, null, null, null, null, null, List.of("polka")), null, null, Set.of())
                .withSource(TrackSource.LIBRARY).withLibrary(index)));
        assertEquals(RunnerLimits.GENRES, e.field());
    }

    @Test
    void aMixOfARockLibraryFillsWithRockOrTheRunnersArtists() {
        // The runner saved rock tracks the catalog knows (same ids, so they carry its labels).
        List<LibraryTrack> rockLibrary = RunnerLibraryFixture.library(
                RunnerLibraryFixture.artistsOneIn(3).and(t -> t.details().genres().equals(List.of("rock"))), 600, 0, t -> true);
        LibraryIndex index = RunnerLibraryFixture.index(rockLibrary);
        assertEquals(Set.of("rock"), index.style().genres());
        Set<String> artists = index.style().artists();
        List<Track> close = index.style().closeTracks(RealCatalog.index());
        for (Track t : close) {
            assertTrue(t.details().genres().contains("rock") || artists.contains(t.songKey().primaryArtist()), t.name() + " is not rock");
        }
        Recommendation r = SERVICE.recommend(request(165, TempoPlan.Request.steady(), 60, TrackSource.MIX, index));
        assertTrue(r.summary().fromLibrary() < r.tracks().size(), "the library alone cannot fill this run");
        assertEquals("rock", r.summary().dominantGenre().genre());
        // A library the catalog knows nothing of has no genres: its sound alone decides.
        assertEquals(Set.of(), INDEX.style().genres());
    }

    @Test
    void bannedSongsStayOutOfLibraryPlaylists() {
        Recommendation first = SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, INDEX));
        SongKey banned = SongKey.parse(first.tracks().get(0).songKey());
        Recommendation again = SERVICE.recommend(request(160, TempoPlan.Request.steady(), 30, TrackSource.LIBRARY, INDEX)
                .withBannedSongs(Set.of(banned)));
        assertTrue(again.tracks().stream().noneMatch(i -> i.songKey().equals(banned.toString())));
    }
}

package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runner's limits: each valid value is respected, each bad value is a 400 naming it, an impossible one a 422 naming it. */
class RunnerLimitsTest {

    private static RecommendationRequest limited(RunnerLimits limits) {
        return withOptions(limits, PlaylistOptions.DEFAULTS);
    }

    private static RecommendationRequest withOptions(RunnerLimits limits, PlaylistOptions options) {
        return new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), TempoPlan.Request.steady(), 60.0, List.of(),
                options, limits, null, null, Set.of());
    }

    private static RecommendationService real() {
        return new RecommendationService(RealCatalog.builder());
    }

    private static Track catalogTrack(Recommendation.Item item) {
        TempoIndex index = RealCatalog.index();
        return index.track(index.indexOf(item.id()).getAsInt());
    }

    @Test
    void validLimitsHoldForEveryTrack() {
        Recommendation first = real().recommend(limited(RunnerLimits.NONE));
        String artist = first.tracks().get(0).artist();
        String id = first.tracks().get(1).id();
        RunnerLimits limits = RunnerLimits.of(true, List.of(artist.toUpperCase()), List.of(id), 2010, 2019, 0.6, 0.95);
        Recommendation r = real().recommend(limited(limits));
        for (Recommendation.Item item : r.tracks()) {
            Track t = catalogTrack(item);
            assertFalse(SongKey.primaryArtist(t.artist()).equals(SongKey.primaryArtist(artist)), "excluded artist " + artist);
            assertFalse(t.id().equals(id));
            assertFalse(Boolean.TRUE.equals(t.details().explicit()));
            int year = t.details().releaseYear();
            assertTrue(year >= 2010 && year <= 2019, "released " + year);
            assertTrue(item.energy() >= 0.6 && item.energy() <= 0.95, "energy " + item.energy());
        }
        assertEquals(r.tracks().size(), r.summary().explicitUnknownTracks()
                + r.tracks().stream().filter(i -> catalogTrack(i).details().explicit() != null).count());
    }

    @Test
    void badValuesAre400sNamingTheField() {
        assertField("releasedFrom", () -> RunnerLimits.of(false, null, null, 1800, null, null, null));
        assertField("releasedTo", () -> RunnerLimits.of(false, null, null, null, 3000, null, null));
        assertField("releasedTo", () -> RunnerLimits.of(false, null, null, 2015, 2010, null, null));
        assertField("energy.min", () -> RunnerLimits.of(false, null, null, null, null, -0.1, null));
        assertField("energy.max", () -> RunnerLimits.of(false, null, null, null, null, null, 1.5));
        assertField("energy.max", () -> RunnerLimits.of(false, null, null, null, null, 0.8, 0.6));
        assertField("exclude.artists[1]", () -> RunnerLimits.of(false, List.of("Flume", " "), null, null, null, null, null));
        assertField("exclude.artists[0]", () -> RunnerLimits.of(false, List.of("!!!"), null, null, null, null, null));
        assertField("exclude.trackIds[0]", () -> RunnerLimits.of(false, null, java.util.Arrays.asList((String) null), null, null, null, null));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= RunnerLimits.MAX_EXCLUDED; i++) {
            many.add("id" + i);
        }
        assertField("exclude.trackIds", () -> RunnerLimits.of(false, null, many, null, null, null, null));
        assertField("options.energyFloor", () -> PlaylistOptions.DEFAULTS.withEnergyFloor(1.2));
        RecommendationRequest base = limited(RunnerLimits.NONE);
        assertField("warmupMinutes", () -> real().recommend(new RecommendationRequest(base.target(), base.plan(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.NONE, -1.0, null, Set.of())));
        assertField("cooldownMinutes", () -> real().recommend(new RecommendationRequest(base.target(), base.plan(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.NONE, null, 31.0, Set.of())));
        assertField("warmupMinutes", () -> real().recommend(new RecommendationRequest(base.target(), base.plan(), 20.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.NONE, 10.0, 6.0, Set.of())));
    }

    private static void assertField(String field, Runnable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void impossibleLimitsOnTheRealCatalogAre422sNamingTheLimit() {
        assertBlames("energy.min", real(), limited(RunnerLimits.of(false, null, null, null, null, 0.995, null)));
        assertBlames("energy.max", real(), limited(RunnerLimits.of(false, null, null, null, null, null, 0.05)));
        assertBlames("releasedFrom", real(), limited(RunnerLimits.of(false, null, null, 2025, null, null, null)));
        assertBlames("releasedTo", real(), limited(RunnerLimits.of(false, null, null, null, 1955, null, null)));
        assertBlames("options.energyFloor", real(), withOptions(RunnerLimits.NONE, PlaylistOptions.DEFAULTS.withEnergyFloor(0.99)));
    }

    private static final List<String> BAND = List.of("Ana", "Bo feat. Guest", "Cy", "Di");

    /**
     * 40 explicit tracks by four artists and 5 clean ones by others, all at 165 BPM in one key: an hour
     * needs the explicit ones, so each exclusion of them empties the candidates.
     */
    private static RecommendationService smallCatalog() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AudioFeatures f = new AudioFeatures(0.1, 0.7, 0.8, 0, 0.1, -5, 0.05, 0.5, 0, 1, 165, 200_000);
            tracks.add(new Track("track" + i, "Song " + i, BAND.get(i % 4), "Album", 50, f, new TrackDetails(2015, true, null, null)));
        }
        for (int i = 40; i < 45; i++) {
            AudioFeatures f = new AudioFeatures(0.1, 0.7, 0.8, 0, 0.1, -5, 0.05, 0.5, 0, 1, 165, 200_000);
            tracks.add(new Track("track" + i, "Song " + i, "Artist " + i, "Album", 50, f, new TrackDetails(2015, false, null, null)));
        }
        TempoIndex index = TempoIndex.build(tracks, FeatureTransform.fit("test", tracks.stream().map(Track::features).toList()));
        return new RecommendationService(new PlaylistBuilder(index, Optional.empty()));
    }

    @Test
    void exclusionsThatEmptyTheCandidatesAre422sNamingThem() {
        RecommendationService small = smallCatalog();
        RecommendationRequest artistGone = new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), TempoPlan.Request.steady(),
                60.0, List.of(), PlaylistOptions.DEFAULTS, RunnerLimits.NONE, null, null, Set.of());
        assertEquals(18, small.recommend(artistGone).tracks().size(), "without limits an hour is 18 tracks of 200 s");
        assertBlames("exclude.explicit", small, new RecommendationRequest(artistGone.target(), artistGone.plan(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.of(true, null, null, null, null, null, null), null, null, Set.of()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("track" + i);
        }
        assertBlames("exclude.trackIds", small, new RecommendationRequest(artistGone.target(), artistGone.plan(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.of(false, null, ids, null, null, null, null), null, null, Set.of()));
        assertBlames("exclude.artists", small, new RecommendationRequest(artistGone.target(), artistGone.plan(), 60.0, List.of(),
                PlaylistOptions.DEFAULTS, RunnerLimits.of(false, List.of("Ana", "Bo", "CY", "Di feat. Someone"), null, null, null, null, null), null, null, Set.of()));
        Set<SongKey> banned = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            banned.add(SongKey.of("Song " + i + " - Radio Edit", BAND.get(i % 4)));
        }
        assertBlames(AllowedTracks.BANS, small, artistGone.withBannedSongs(banned));
    }

    private static void assertBlames(String field, RecommendationService service, RecommendationRequest request) {
        NoPlaylistException e = assertThrows(NoPlaylistException.class, () -> service.recommend(request));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}

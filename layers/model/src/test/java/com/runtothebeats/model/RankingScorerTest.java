package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.NextTrackRanker;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.TrackListing;
import com.runtothebeats.core.playlist.LibraryIndex;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.RunnerLimits;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.playlist.TrackSource;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranking model as the recommender's flow term, on the real catalog with the fixture model: the search's
 * scores are the model's own, and the playlists keep to one style.
 */
class RankingScorerTest {

    private static TempoIndex index;
    private static RankingModel model;
    private static RankingScorer scorer;

    @BeforeAll
    static void load() {
        List<Track> tracks = DatasetTracks.read(RealPlaylists.file());
        index = TempoIndex.build(tracks, FeatureTransform.fit("catalog", tracks.stream().map(Track::features).toList()));
        model = FixtureModel.ranking().model();
        scorer = RankingScorer.prepare(model, index);
    }

    @Test
    void searchScoresAreTheModelsScores() {
        List<Track> candidates = new ArrayList<>();
        for (int i = 0; i < index.size(); i += 97) {
            candidates.add(index.track(i));
        }
        NextTrackRanker.Session session = model.prepare(candidates).start(new PlaylistContext("rock", null));
        NextTrackScorer.Context context = scorer.start("rock");
        for (int played : new int[] {5, 1234, 20001}) {
            session.play(index.track(played));
            context = context.then(played);
            double[] expected = session.scores();
            for (int c = 0; c < candidates.size(); c++) {
                int t = index.indexOf(candidates.get(c).id()).getAsInt();
                assertEquals(expected[c], context.score(t) * RankingScorer.TEMPERATURE, 1e-3, "candidate " + t);
            }
        }
    }

    /**
     * The four done-means playlists (60 minutes at 150, 165 and 180 BPM, a ramp 150→175) built with the
     * model's flow term; the builder re-checks every hard constraint on each. The fixture model (two epochs
     * on a sixth of the playlists) is too weak to hold a style (mean share about 0.50, previous-track flow
     * 0.53); the promoted model of {@code ./beats pipeline} gets 0.69, measured by the command in
     * docs/sequence-model.md ("In the recommender"), as training it here would take minutes.
     */
    @Test
    void playlistsKeepToOneStyleAndEveryHardConstraint() {
        double withModel = meanShare(new RecommendationService(new PlaylistBuilder(index, Optional::empty, () -> Optional.of(scorer))));
        assertTrue(withModel >= 0.45, "mean dominant-genre share " + withModel);
    }

    private double meanShare(RecommendationService service) {
        double shares = 0;
        for (String plan : List.of("150", "165", "180", "ramp")) {
            boolean ramp = plan.equals("ramp");
            Recommendation r = service.recommend(new RecommendationRequest(TargetTempo.explicit(ramp ? 150 : Double.parseDouble(plan), "target.bpm"),
                    ramp ? new TempoPlan.Request("ramp", 150.0, 175.0, null) : TempoPlan.Request.steady(), 60.0, List.of(), PlaylistOptions.DEFAULTS));
            boolean scored = service.builder().scorer().isPresent();
            assertEquals(scored ? "ranking-model" : "previous-track", r.summary().flowReference());
            assertEquals(scored ? model.version() : null, r.summary().modelVersion());
            shares += r.summary().dominantGenre().share();
        }
        return shares / 4;
    }

    /**
     * A runner's library is mostly tracks the model never saw in a playlist: prepared for the library's index, the
     * model scores them from their features, artist and album exactly as its own sessions score unseen tracks, and a
     * playlist from the library gets the ranking model's flow term.
     */
    @Test
    void aRunnersLibraryIsScoredByTheModelThoughItNeverSawItsTracks() {
        List<LibraryTrack> library = new ArrayList<>();
        for (int i = 0; i < index.size() && library.size() < 1_500; i += 7) {
            Track t = index.track(i);
            library.add(new LibraryTrack(new TrackListing("L" + t.id(), t.name(), List.of(t.artist()), t.album(), t.durationMs()),
                    FeatureSource.RECCOBEATS, t.features()));
        }
        LibraryIndex own = LibraryIndex.build("2026-12-05T12:00:00Z", library, index);
        NextTrackScorer forLibrary = scorer.preparedFor(own.tracks());
        assertEquals(own.tracks(), forLibrary.index());
        List<Track> candidates = own.tracks().tracks().subList(0, 200);
        NextTrackRanker.Session session = model.prepare(candidates).start(new PlaylistContext("rock", null));
        NextTrackScorer.Context context = forLibrary.start("rock");
        for (int played : new int[] {3, 700, 1400}) {
            session.play(own.tracks().track(played));
            context = context.then(played);
            double[] expected = session.scores();
            for (int c = 0; c < candidates.size(); c++) {
                assertEquals(expected[c], context.score(c) * RankingScorer.TEMPERATURE, 1e-3, "library track " + c);
            }
        }

        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, Optional::empty, () -> Optional.of(scorer)));
        Recommendation r = service.recommend(new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), TempoPlan.Request.steady(),
                30.0, List.of(), PlaylistOptions.DEFAULTS).withSource(TrackSource.LIBRARY).withLibrary(own));
        assertEquals("ranking-model", r.summary().flowReference());
        assertEquals(model.version(), r.summary().modelVersion());
        assertEquals(r.tracks().size(), r.summary().fromLibrary());
    }

    @Test
    void aGenreAskedForHoldsForEveryTrack() {
        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, Optional::empty, () -> Optional.of(scorer)));
        Recommendation r = service.recommend(new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), TempoPlan.Request.steady(), 60.0,
                List.of(), PlaylistOptions.DEFAULTS, RunnerLimits.of(false, null, null, null, null, null, null, List.of("rock")), null, null, Set.of()));
        for (Recommendation.Item item : r.tracks()) {
            assertTrue(index.track(index.indexOf(item.id()).getAsInt()).details().genres().contains("rock"), item.name());
        }
        assertEquals(1.0, r.summary().dominantGenre().share());
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Tuning aid: -Dstyle.model=DIR (a saved model folder) runs the done-means requests and prints the dominant-genre shares. */
@EnabledIfSystemProperty(named = "style.model", matches = ".+")
class StyleExperiment {

    @Test
    void shares() {
        List<Track> tracks = DatasetTracks.read(RealPlaylists.file());
        TempoIndex index = TempoIndex.build(tracks, FeatureTransform.fit("catalog", tracks.stream().map(Track::features).toList()));
        RankingModel model = ModelArtifacts.loadRanking(Path.of(System.getProperty("style.model"))).orElseThrow();
        NextTrackScorer scorer = RankingScorer.prepare(model, index);
        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, Optional::empty, () -> Optional.of(scorer)));
        double sum = 0;
        for (String plan : List.of("150", "165", "180", "ramp")) {
            TempoPlan.Request p = plan.equals("ramp") ? new TempoPlan.Request("ramp", 150.0, 175.0, null) : TempoPlan.Request.steady();
            double bpm = plan.equals("ramp") ? 150 : Double.parseDouble(plan);
            long t0 = System.nanoTime();
            Recommendation r = service.recommend(new RecommendationRequest(TargetTempo.explicit(bpm, "target.bpm"), p, 60.0, List.of(), PlaylistOptions.DEFAULTS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sum += r.summary().dominantGenre().share();
            System.out.printf("%s %s cost %.1f tempoErr %.2f %d ms%n", plan, r.summary().dominantGenre(), r.summary().totalCost(), r.summary().meanTempoError(), ms);
        }
        System.out.printf("MEAN SHARE %.3f (T=%s)%n", sum / 4, System.getProperty("style.temperature", "default"));
    }
}

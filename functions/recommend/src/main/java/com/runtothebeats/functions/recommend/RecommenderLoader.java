package com.runtothebeats.functions.recommend;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a Recommend container loads once and then serves every request from: the whole catalog as a
 * {@link TempoIndex}, the feature transform that matches it, and the promoted models if any (the ranking model
 * prepared for the index).
 */
public final class RecommenderLoader {

    private RecommenderLoader() {
    }

    /**
     * @param catalog the tracks with the fitted transform stored beside them, or no transform to fit one on the
     *                tracks (a catalog loaded without a stored transform, e.g. from a dataset file)
     * @param model   the promoted sequence model, asked once per playlist so a new promotion is picked up
     */
    public static RecommendationService load(Supplier<CatalogIndexSource.Catalog> catalog,
                                             Supplier<Optional<SequenceModel>> model) {
        return load(catalog, model, index -> Optional::empty);
    }

    /**
     * @param scorers for the loaded index, the promoted ranking model's scorer (asked once per playlist); the
     *                flow term when there is one
     */
    public static RecommendationService load(Supplier<CatalogIndexSource.Catalog> catalog,
                                             Supplier<Optional<SequenceModel>> model,
                                             Function<TempoIndex, Supplier<Optional<NextTrackScorer>>> scorers) {
        CatalogIndexSource.Catalog loaded = catalog.get();
        List<Track> tracks = loaded.tracks();
        if (tracks.isEmpty()) {
            throw new CatalogUnavailableException("the track catalog is empty: run the pipeline (./beats pipeline locally) first");
        }
        FeatureTransform fitted = loaded.transform()
                .orElseGet(() -> FeatureTransform.fit("catalog", tracks.stream().map(Track::features).toList()));
        TempoIndex index = loaded.songKeys().map(keys -> TempoIndex.build(tracks, keys, fitted))
                .orElseGet(() -> TempoIndex.build(tracks, fitted));
        // load the promoted models now, not on the first request; the sequence model only serves the flow term
        // when there is no ranking model, so with one it (and the native engine it needs) is never loaded
        Supplier<Optional<NextTrackScorer>> scorer = scorers.apply(index);
        if (scorer.get().isEmpty()) {
            model.get();
        }
        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, model, scorer));
        service.prepareSearch();
        return service;
    }
}

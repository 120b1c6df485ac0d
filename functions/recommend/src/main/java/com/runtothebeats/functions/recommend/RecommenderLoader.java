package com.runtothebeats.functions.recommend;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackCatalog;
import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TempoIndex;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a Recommend container loads once and then serves every request from: the whole catalog as a
 * {@link TempoIndex}, the feature transform that matches it, and the promoted sequence model if any.
 */
public final class RecommenderLoader {

    private RecommenderLoader() {
    }

    /**
     * @param transform the fitted transform stored by the pipeline, or empty to fit one on the catalog
     *                  (a catalog loaded without a stored transform, e.g. from a dataset file)
     * @param model     the promoted sequence model, asked once per playlist so a new promotion is picked up
     */
    public static RecommendationService load(TrackCatalog catalog, Supplier<Optional<FeatureTransform>> transform,
                                             Supplier<Optional<SequenceModel>> model) {
        List<Track> tracks = catalog.all();
        if (tracks.isEmpty()) {
            throw new CatalogUnavailableException("the track catalog is empty: run the pipeline (./beats pipeline locally) first");
        }
        FeatureTransform fitted = transform.get()
                .orElseGet(() -> FeatureTransform.fit("catalog", tracks.stream().map(Track::features).toList()));
        TempoIndex index = TempoIndex.build(tracks, fitted);
        model.get(); // load the promoted model now, not on the first request
        RecommendationService service = new RecommendationService(new PlaylistBuilder(index, model));
        service.prepareSearch();
        return service;
    }
}

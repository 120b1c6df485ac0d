package com.runtothebeats.functions.recommend;

import com.runtothebeats.core.playlist.NoPlaylistException;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.lambda.HttpResponses;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Recommend container answer its first request warm: the catalog index is loaded in the init phase
 * (and so into the SnapStart snapshot), and before SnapStart snapshots the initialised container (a CRaC
 * {@code beforeCheckpoint} hook) a few requests run, so the index, the model and the JIT-compiled search are
 * all in the snapshot.
 */
final class RecommenderWarmUp implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(RecommenderWarmUp.class);

    private final Supplier<RecommendationService> service;

    RecommenderWarmUp(Supplier<RecommendationService> service) {
        this.service = service;
    }

    /**
     * Loads the recommender now and registers the snapshot hook. CRaC holds resources weakly: the handler keeps
     * this object for as long as the container lives.
     */
    void atContainerStart() {
        try {
            service.get();
        } catch (CatalogUnavailableException e) {
            LOG.warn("starting without a catalog, each request retries loading it: {}", e.getMessage());
        }
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        warmUp();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the index is immutable and the SDK clients reconnect on first use.
    }

    /** Loads the recommender and exercises each kind of plan and the search. */
    void warmUp() {
        RecommendationService loaded = service.get();
        List<TempoPlan.Request> plans = List.of(TempoPlan.Request.steady(),
                new TempoPlan.Request("ramp", 150.0, 175.0, null),
                new TempoPlan.Request("intervals", null, null, List.of(new TempoPlan.BlockRequest(4.0, 175.0), new TempoPlan.BlockRequest(2.0, 150.0))));
        for (int round = 0; round < 3; round++) {
            for (TempoPlan.Request plan : plans) {
                try {
                    HttpResponses.json(200, loaded.recommend(new RecommendationRequest(TargetTempo.explicit(165, "target.bpm"), plan, 60.0,
                            List.of(), PlaylistOptions.DEFAULTS)));
                } catch (NoPlaylistException e) {
                    LOG.info("warm-up request found no playlist in this catalog: {}", e.getMessage());
                }
            }
        }
        loaded.search("love", RecommendationService.DEFAULT_SEARCH_RESULTS);
    }
}

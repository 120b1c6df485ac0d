package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.playlist.NoPlaylistException;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TrackMatch;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RequestRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * RecommendFunction: {@code POST /api/recommendations} builds a playlist for a run,
 * {@code GET /api/tracks/search?q=} finds seed tracks. The catalog index, feature transform and model are
 * loaded once per container; with SnapStart a CRaC {@code beforeCheckpoint} hook loads and exercises them
 * so that restored containers answer their first request warm.
 */
public class RecommendHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    static final String RECOMMEND_ROUTE = "POST /api/recommendations";
    static final String SEARCH_ROUTE = "GET /api/tracks/search";
    static final String ALTERNATIVES_ROUTE = "POST /api/recommendations/alternatives";
    static final String LIST_BANS_ROUTE = "GET /api/bans";
    static final String BAN_ROUTE = "POST /api/bans";
    static final String UNDO_BAN_ROUTE = "DELETE /api/bans";
    private static final Logger LOG = LoggerFactory.getLogger(RecommendHandler.class);

    private final LoadedOnce<RecommendationService> service;
    private final RunnerTempoLookup runnerTempo;
    private final RunnerBans bans;
    private final BanRoutes banRoutes;
    private final Metrics metrics;

    /**
     * What Lambda calls, once per container: builds the collaborators from the environment and loads the
     * catalog index now, in the init phase (and so into the SnapStart snapshot).
     */
    public RecommendHandler() {
        this(RecommendComponents.fromEnvironment(LambdaEnvironment.current()));
        try {
            service.get();
        } catch (CatalogUnavailableException e) {
            LOG.warn("starting without a catalog, each request retries loading it: {}", e.getMessage());
        }
        registerForCheckpoint();
    }

    private RecommendHandler(RecommendComponents components) {
        this(components.service(), components.runnerTempo(), components.bans(), FunctionMetrics.create(LambdaEnvironment.current()));
    }

    /** For tests and the local runner: collaborators built by the caller, no bans. */
    public RecommendHandler(Supplier<RecommendationService> service, RunnerTempoLookup runnerTempo, Metrics metrics) {
        this(service, runnerTempo, RunnerBans.NONE, metrics);
    }

    RecommendHandler(Supplier<RecommendationService> service, RunnerTempoLookup runnerTempo, RunnerBans bans, Metrics metrics) {
        this.service = new LoadedOnce<>(service);
        this.runnerTempo = runnerTempo;
        this.bans = bans;
        this.banRoutes = new BanRoutes(bans, Clock.systemUTC());
        this.metrics = metrics;
    }

    /** The loaded recommender (loading it now if this container has not yet): the CLI shares it. */
    public RecommendationService service() {
        return service.get();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = respond(event);
        metrics.addMetric(response.getStatusCode() < 400 ? "RecommenderRequestsAnswered"
                : response.getStatusCode() < 500 ? "RecommenderRequestsRefused" : "RecommenderRequestsFailed", 1, MetricUnit.COUNT);
        metrics.flush();
        return response;
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        String route = route(event);
        try {
            if (route.equals(RECOMMEND_ROUTE)) {
                return recommend(event);
            }
            if (route.equals(SEARCH_ROUTE)) {
                return search(event);
            }
            if (route.equals(ALTERNATIVES_ROUTE)) {
                return alternatives(event);
            }
            if (route.equals(LIST_BANS_ROUTE)) {
                return banRoutes.list(event);
            }
            if (route.equals(BAN_ROUTE)) {
                return banRoutes.ban(event, body(event), service.get().builder().index());
            }
            if (route.equals(UNDO_BAN_ROUTE)) {
                return banRoutes.undo(event);
            }
            return HttpResponses.error(404, "not_found", "no route " + route + " in the recommender", null);
        } catch (RequestRejectedException e) {
            return HttpResponses.error(e.status(), e.code(), e.getMessage(), null);
        } catch (InvalidInputException e) {
            return HttpResponses.badRequest(e.getMessage(), e.field());
        } catch (NoPlaylistException e) {
            return HttpResponses.error(422, "no_playlist", e.getMessage(), e.field());
        } catch (CatalogUnavailableException e) {
            LOG.warn("catalog unavailable: {}", e.getMessage());
            return HttpResponses.error(503, "catalog_unavailable", "The track catalog is not available yet: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("recommender failed on {}", route, e);
            return HttpResponses.unexpected();
        }
    }

    private Supplier<TargetTempo> currentTempo(APIGatewayV2HTTPEvent event) {
        return () -> runnerTempo.suggestedTempo(event)
                .orElseThrow(() -> new InvalidInputException("target", "no current heart rate is known for you, so there is no "
                        + "suggested tempo yet: connect Google Health or post a heart rate, or send a target of type tempo, heartRate or cadence"));
    }

    private APIGatewayV2HTTPResponse alternatives(APIGatewayV2HTTPEvent event) {
        RecommendationRequestReader.AlternativesBody body = RecommendationRequestReader.readAlternatives(body(event), currentTempo(event));
        RecommendationRequest request = body.request().withBannedSongs(bans.of(event));
        return HttpResponses.json(200, service.get().alternatives(request, body.trackIds(), body.position(), body.limit()));
    }

    private APIGatewayV2HTTPResponse recommend(APIGatewayV2HTTPEvent event) {
        RecommendationRequest request = RecommendationRequestReader.read(body(event), currentTempo(event)).withBannedSongs(bans.of(event));
        long started = System.nanoTime();
        Recommendation recommendation = service.get().recommend(request);
        metrics.addMetric("PlaylistSearchTime", (System.nanoTime() - started) / 1e6, MetricUnit.MILLISECONDS);
        LOG.info("recommended {} tracks in {} ms (target {} BPM, plan {}, beam {})", recommendation.summary().trackCount(),
                (System.nanoTime() - started) / 1_000_000, recommendation.target().bpm(), recommendation.plan().type(),
                recommendation.summary().beamWidth());
        return HttpResponses.json(200, recommendation);
    }

    private APIGatewayV2HTTPResponse search(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        int limit = RecommendationService.DEFAULT_SEARCH_RESULTS;
        String limitText = query.get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + RecommendationService.MAX_SEARCH_RESULTS);
            }
        }
        List<TrackMatch> tracks = service.get().search(query.get("q"), limit);
        return HttpResponses.json(200, Map.of("tracks", tracks));
    }

    private static String route(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return "";
        }
        String key = event.getRouteKey();
        if (key != null && !key.isBlank() && !key.equals("$default")) {
            return key;
        }
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http == null ? "" : http.getMethod();
        String path = event.getRawPath() != null ? event.getRawPath() : http == null ? "" : http.getPath();
        return method + " " + path;
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "the request body is marked base64 but is not");
            }
        }
        return body;
    }

    /** Registers the SnapStart hooks; called by the no-argument (Lambda) constructor. */
    void registerForCheckpoint() {
        Core.getGlobalContext().register(this);
    }

    /**
     * Before SnapStart snapshots the initialised container: load everything and run a few requests so
     * that the index, the model and the JIT-compiled search are all in the snapshot.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        warmUp();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the index is immutable and the SDK clients reconnect on first use.
    }

    /** Loads the recommender and exercises each kind of plan once. */
    public void warmUp() {
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

    /** Loads on first use and keeps the result; a failed load is retried by the next request. */
    static final class LoadedOnce<T> implements Supplier<T> {
        private final Supplier<T> loader;
        private volatile T value;

        LoadedOnce(Supplier<T> loader) {
            this.loader = loader;
        }

        @Override
        public T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        value = result = loader.get();
                    }
                }
            }
            return result;
        }
    }
}

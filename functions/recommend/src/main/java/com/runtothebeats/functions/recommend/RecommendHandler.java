package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.playlist.NoLibraryException;
import com.runtothebeats.core.playlist.NoPlaylistException;
import com.runtothebeats.core.playlist.Recommendation;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.playlist.TrackMatch;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * RecommendFunction: {@code POST /api/recommendations} builds a playlist for a run,
 * {@code POST /api/recommendations/alternatives} offers swaps for one slot, {@code GET /api/tracks/search?q=} finds
 * seed tracks, and {@code /api/bans} keeps the runner's "never play this" songs. The catalog index, feature transform
 * and model are loaded once per container, in the init phase ({@link RecommenderWarmUp}).
 */
public class RecommendHandler extends HttpFunction {

    static final String RECOMMEND_ROUTE = "POST /api/recommendations";
    static final String SEARCH_ROUTE = "GET /api/tracks/search";
    static final String ALTERNATIVES_ROUTE = "POST /api/recommendations/alternatives";
    static final String LIST_BANS_ROUTE = "GET /api/bans";
    static final String BAN_ROUTE = "POST /api/bans";
    static final String UNDO_BAN_ROUTE = "DELETE /api/bans";
    private static final Logger LOG = LoggerFactory.getLogger(RecommendHandler.class);

    private final RecommendComponents components;
    private final RecommenderWarmUp warmUp;

    /** What Lambda calls, once per container: builds the collaborators and loads the catalog index now. */
    public RecommendHandler() {
        this(RecommendComponents.fromEnvironment(LambdaEnvironment.current()));
        warmUp.atContainerStart();
    }

    /** For tests and the local runner: collaborators built by the caller, loaded on first use. */
    public RecommendHandler(RecommendComponents components) {
        super(components.metrics());
        this.components = components;
        this.warmUp = new RecommenderWarmUp(components.service());
        BanRoutes bans = new BanRoutes(components.bans(), Clock.systemUTC());
        on(RECOMMEND_ROUTE, this::recommend);
        on(SEARCH_ROUTE, this::search);
        on(ALTERNATIVES_ROUTE, this::alternatives);
        on(LIST_BANS_ROUTE, request -> bans.list(request.event()));
        on(BAN_ROUTE, request -> bans.ban(request.event(), request.body(), service().builder().index()));
        on(UNDO_BAN_ROUTE, request -> bans.undo(request.event()));
        onError(NoPlaylistException.class, e -> unbuildable("no_playlist", e));
        onError(NoLibraryException.class, e -> unbuildable("no_library", e));
        onError(CatalogUnavailableException.class, e -> {
            LOG.warn("catalog unavailable: {}", e.getMessage());
            return HttpResponses.error(503, "catalog_unavailable", "The track catalog is not available yet: " + e.getMessage(), null);
        });
    }

    /** 422 naming the field to change, with the changes known to help ({@code suggestions}) when there are any. */
    private static APIGatewayV2HTTPResponse unbuildable(String code, NoPlaylistException e) {
        return e.suggestions().isEmpty() ? HttpResponses.error(422, code, e.getMessage(), e.field())
                : HttpResponses.error(422, code, e.getMessage(), e.field(), Map.of("suggestions", e.suggestions()));
    }

    /** The loaded recommender (loading it now if this container has not yet). */
    public RecommendationService service() {
        return components.service().get();
    }

    private Supplier<TargetTempo> currentTempo(HttpRequest request) {
        return () -> components.runnerTempo().suggestedTempo(request.event()).orElseThrow(() -> new InvalidInputException("target",
                "no current heart rate is known for you, so there is no suggested tempo yet: connect Google Health or "
                        + "post a heart rate, or send a target of type tempo, heartRate or cadence"));
    }

    private APIGatewayV2HTTPResponse alternatives(HttpRequest request) {
        RecommendationRequestReader.AlternativesBody body = RecommendationRequestReader.readAlternatives(request.body(), currentTempo(request));
        RecommendationRequest recommendation = components.libraries().withLibrary(body.request(), request.event(),
                service().builder().index()).withBannedSongs(components.bans().of(request.event()));
        return HttpResponses.json(200, service().alternatives(recommendation, body.trackIds(), body.position(), body.limit()));
    }

    private APIGatewayV2HTTPResponse recommend(HttpRequest request) {
        RecommendationRequest recommendation = components.libraries().withLibrary(
                        RecommendationRequestReader.read(request.body(), currentTempo(request)), request.event(), service().builder().index())
                .withBannedSongs(components.bans().of(request.event()));
        long started = System.nanoTime();
        Recommendation playlist = service().recommend(recommendation);
        metrics().addMetric("PlaylistSearchTime", (System.nanoTime() - started) / 1e6, MetricUnit.MILLISECONDS);
        LOG.info("recommended {} tracks ({} from the runner's library, source {}) in {} ms (target {} BPM, plan {}, beam {})",
                playlist.summary().trackCount(), playlist.summary().fromLibrary(), playlist.summary().source(),
                (System.nanoTime() - started) / 1_000_000, playlist.target().bpm(), playlist.plan().type(),
                playlist.summary().beamWidth());
        return HttpResponses.json(200, playlist);
    }

    private APIGatewayV2HTTPResponse search(HttpRequest request) {
        int limit = RecommendationService.DEFAULT_SEARCH_RESULTS;
        String limitText = request.query("limit").orElse(null);
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + RecommendationService.MAX_SEARCH_RESULTS);
            }
        }
        List<TrackMatch> tracks = service().search(request.query("q").orElse(null), limit);
        return HttpResponses.json(200, Map.of("tracks", tracks));
    }
}

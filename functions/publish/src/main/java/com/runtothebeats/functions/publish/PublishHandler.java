package com.runtothebeats.functions.publish;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.ReconnectRequiredException;
import com.runtothebeats.core.identity.TokenRefreshInProgressException;
import com.runtothebeats.core.publishing.DestinationUnavailableException;
import com.runtothebeats.core.publishing.IdempotencyKeyReusedException;
import com.runtothebeats.core.publishing.PublishInProgressException;
import com.runtothebeats.core.publishing.PublishedPlaylist;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RunnerSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import static com.runtothebeats.functions.publish.PublishRequestReader.IDEMPOTENCY_HEADER;

/**
 * {@code POST /api/playlists}: publishes a recommendation to the signed-in runner's Spotify account (or, in
 * the local demo without Spotify, to a dry-run file), exactly once per {@code Idempotency-Key}.
 */
public class PublishHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);

    private final PublishComponents components;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public PublishHandler() {
        this(PublishComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public PublishHandler(PublishComponents components) {
        super(components.metrics());
        this.components = components;
        on("POST /api/playlists", this::publish);
        onError(IdempotencyKeyReusedException.class,
                e -> HttpResponses.error(422, "idempotency_key_reused", e.getMessage(), IDEMPOTENCY_HEADER));
        onError(PublishInProgressException.class, e -> inProgress());
        onError(TokenRefreshInProgressException.class, e -> inProgress());
        onError(ReconnectRequiredException.class, e -> {
            metrics().addMetric("SpotifyReconnectRequired", 1, MetricUnit.COUNT);
            return HttpResponses.error(409, "spotify_reconnect_required", e.getMessage(), null);
        });
        onError(LinkNotConnectedException.class,
                e -> HttpResponses.error(409, "spotify_not_connected", "Connect Spotify to publish playlists.", null));
        onError(DestinationUnavailableException.class, e -> {
            metrics().addMetric("PublishInterrupted", 1, MetricUnit.COUNT);
            LOG.warn("publish interrupted: {}", e.getMessage());
            return HttpResponses.error(502, "spotify_unavailable", e.getMessage()
                    + ". Progress is saved: retry with the same Idempotency-Key to finish.", null);
        });
    }

    private APIGatewayV2HTTPResponse publish(HttpRequest request) {
        RunnerSession session = components.sessions().requireRunner(request.event());
        PublishRequestReader.PublishRequest publish = PublishRequestReader.read(request);
        PublishedPlaylist published = components.publisher().publish(session.runnerId(),
                session.runnerId() + ":" + publish.idempotencyKey(), publish.draft());
        LOG.info("published playlist {} ({} tracks, replayed={}, dryRun={}) for runner {}", published.playlistId(),
                published.trackCount(), published.replayed(), components.dryRun(), session.runnerId());
        metrics().addMetric(published.replayed() ? "PublishReplayed" : "PlaylistsPublished", 1, MetricUnit.COUNT);
        if (!published.replayed()) {
            metrics().addMetric("TracksPublished", published.trackCount(), MetricUnit.COUNT);
        }
        return HttpResponses.json(published.replayed() ? 200 : 201, body(published));
    }

    private static APIGatewayV2HTTPResponse inProgress() {
        return HttpResponses.error(409, "publish_in_progress", "This publish is in progress; retry with the same "
                + "Idempotency-Key in a few seconds.", null);
    }

    private Map<String, Object> body(PublishedPlaylist published) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("playlistId", published.playlistId());
        body.put("url", published.url());
        body.put("trackCount", published.trackCount());
        body.put("dryRun", components.dryRun());
        body.put("replayed", published.replayed());
        if (components.dryRun()) {
            body.put("location", Path.of(URI.create(published.url())).toString());
            body.put("note", "Dry run: no Spotify app is configured, so the playlist was written to this file instead of Spotify.");
        }
        return body;
    }
}

package com.runtothebeats.functions.publish;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.ReconnectRequiredException;
import com.runtothebeats.core.identity.TokenRefreshInProgressException;
import com.runtothebeats.core.publishing.DestinationUnavailableException;
import com.runtothebeats.core.publishing.IdempotencyKeyReusedException;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistPublisher;
import com.runtothebeats.core.publishing.PublishInProgressException;
import com.runtothebeats.core.publishing.PublishedPlaylist;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RequestCookies;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@code POST /api/playlists}: publishes a recommendation to the signed-in runner's Spotify account (or, in
 * the local demo without Spotify, to a dry-run file), exactly once per {@code Idempotency-Key}.
 */
public class PublishHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final SessionCookies sessions;
    private final PlaylistPublisher publisher;
    private final boolean dryRun;
    private final Metrics metrics;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public PublishHandler() {
        this(PublishComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    private PublishHandler(PublishComponents components) {
        this(components.sessions(), components.publisher(), components.dryRun(), components.metrics());
    }

    public PublishHandler(SessionCookies sessions, PlaylistPublisher publisher, boolean dryRun, Metrics metrics) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.dryRun = dryRun;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return publish(event);
        } finally {
            metrics.flush();
        }
    }

    private APIGatewayV2HTTPResponse publish(APIGatewayV2HTTPEvent event) {
        try {
            RunnerSession session = sessions.requireRunner(event);
            String key = RequestCookies.header(event, IDEMPOTENCY_HEADER);
            if (key == null || key.isBlank()) {
                return HttpResponses.badRequest("The Idempotency-Key header is required (a client-chosen id, e.g. a UUID, "
                        + "repeated on retries of the same publish).", IDEMPOTENCY_HEADER);
            }
            if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
                return HttpResponses.badRequest("Idempotency-Key must be 1-128 characters of letters, digits and _ . : -",
                        IDEMPOTENCY_HEADER);
            }
            PlaylistDraft draft = draft(event);
            PublishedPlaylist published = publisher.publish(session.runnerId(), session.runnerId() + ":" + key, draft);
            LOG.info("published playlist {} ({} tracks, replayed={}, dryRun={}) for runner {}", published.playlistId(),
                    published.trackCount(), published.replayed(), dryRun, session.runnerId());
            metrics.addMetric(published.replayed() ? "PublishReplayed" : "PlaylistsPublished", 1, MetricUnit.COUNT);
            if (!published.replayed()) {
                metrics.addMetric("TracksPublished", published.trackCount(), MetricUnit.COUNT);
            }
            return HttpResponses.json(published.replayed() ? 200 : 201, body(published));
        } catch (RequestRejectedException e) {
            return HttpResponses.error(e.status(), e.code(), e.getMessage(), null);
        } catch (InvalidInputException e) {
            return HttpResponses.badRequest(e.getMessage(), e.field());
        } catch (IdempotencyKeyReusedException e) {
            return HttpResponses.error(422, "idempotency_key_reused", e.getMessage(), IDEMPOTENCY_HEADER);
        } catch (PublishInProgressException | TokenRefreshInProgressException e) {
            return HttpResponses.error(409, "publish_in_progress", "This publish is in progress; retry with the same "
                    + "Idempotency-Key in a few seconds.", null);
        } catch (ReconnectRequiredException e) {
            metrics.addMetric("SpotifyReconnectRequired", 1, MetricUnit.COUNT);
            return HttpResponses.error(409, "spotify_reconnect_required", e.getMessage(), null);
        } catch (LinkNotConnectedException e) {
            return HttpResponses.error(409, "spotify_not_connected", "Connect Spotify to publish playlists.", null);
        } catch (DestinationUnavailableException e) {
            metrics.addMetric("PublishInterrupted", 1, MetricUnit.COUNT);
            LOG.warn("publish interrupted: {}", e.getMessage());
            return HttpResponses.error(502, "spotify_unavailable", e.getMessage()
                    + ". Progress is saved: retry with the same Idempotency-Key to finish.", null);
        } catch (RuntimeException e) {
            LOG.error("publish failed unexpectedly: {}", e.getClass().getName());
            return HttpResponses.unexpected();
        }
    }

    private static PlaylistDraft draft(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("body", "a JSON body {name, description, public, trackIds} is required");
        }
        if (event.getIsBase64Encoded()) {
            raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "the body must be a JSON object");
        }
        JsonNode name = body.path("name");
        if (!name.isTextual()) {
            throw new InvalidInputException("name", "name is required and must be a string");
        }
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            throw new InvalidInputException("description", "description must be a string");
        }
        JsonNode isPublic = body.path("public");
        if (!isPublic.isMissingNode() && !isPublic.isBoolean()) {
            throw new InvalidInputException("public", "public must be true or false");
        }
        JsonNode trackIds = body.path("trackIds");
        if (!trackIds.isArray()) {
            throw new InvalidInputException("trackIds", "trackIds is required and must be an array of Spotify track ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            JsonNode id = trackIds.get(i);
            if (!id.isTextual()) {
                throw new InvalidInputException("trackIds[" + i + "]", "track ids are strings");
            }
            ids.add(id.asText());
        }
        return new PlaylistDraft(name.asText(), description.isTextual() ? description.asText() : "",
                isPublic.asBoolean(false), ids);
    }

    private Map<String, Object> body(PublishedPlaylist published) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("playlistId", published.playlistId());
        body.put("url", published.url());
        body.put("trackCount", published.trackCount());
        body.put("dryRun", dryRun);
        body.put("replayed", published.replayed());
        if (dryRun) {
            body.put("location", Path.of(URI.create(published.url())).toString());
            body.put("note", "Dry run: no Spotify app is configured, so the playlist was written to this file instead of Spotify.");
        }
        return body;
    }
}

package com.runtothebeats.functions.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.heartrate.HeartRateRecorder;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateSamples;
import com.runtothebeats.core.heartrate.HeartRateStateContendedException;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.heartrate.SuggestedTempo;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.Runner;
import com.runtothebeats.core.identity.RunnerStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in runner's own API: {@code GET /api/me} (profile, links, heart-rate state),
 * {@code GET /api/heart-rate?minutes=} (recent samples and the runner's zones) and
 * {@code POST /api/heart-rate {"bpm":152}} (a typed heart rate, for a runner without a connected device).
 */
public class RunnerHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerHandler.class);
    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 30 * 24 * 60;

    private final SessionCookies sessions;
    private final RunnerStore runners;
    private final ProviderLinkStore links;
    private final HeartRateSamples samples;
    private final RunnerHeartRates states;
    private final HeartRateRecorder recorder;
    private final boolean spotifyConfigured;
    private final Clock clock;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public RunnerHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private RunnerHandler(LambdaEnvironment env, AwsClients aws) {
        this(SessionCookies.fromEnvironment(env, new SsmSecureParameters(aws.ssm())),
                new DynamoRunnerStore(aws.dynamoDb(), env.require("RUNNERS_TABLE")),
                new DynamoProviderLinkStore(aws.dynamoDb(), env.require("PROVIDER_LINKS_TABLE"),
                        TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms)),
                new DynamoHeartRateSamples(aws.dynamoDb(), env.require("HEART_RATE_TABLE")),
                new DynamoRunnerHeartRates(aws.dynamoDb(), env.require("RUNNERS_TABLE")),
                env.get("SPOTIFY_CLIENT_ID").isPresent(), Clock.systemUTC());
    }

    public RunnerHandler(SessionCookies sessions, RunnerStore runners, ProviderLinkStore links, HeartRateSamples samples,
                         RunnerHeartRates states, boolean spotifyConfigured, Clock clock) {
        this.sessions = sessions;
        this.runners = runners;
        this.links = links;
        this.samples = samples;
        this.states = states;
        this.recorder = new HeartRateRecorder(samples, states);
        this.spotifyConfigured = spotifyConfigured;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            String path = event.getRawPath() == null ? "" : event.getRawPath();
            String method = method(event);
            RunnerSession session = sessions.requireRunner(event);
            if (path.endsWith("/api/me") && method.equals("GET")) {
                return me(session);
            }
            if (path.endsWith("/api/heart-rate") && method.equals("GET")) {
                return recentHeartRate(session, event);
            }
            if (path.endsWith("/api/heart-rate") && method.equals("POST")) {
                return enterHeartRate(session, event);
            }
            return HttpResponses.error(404, "not_found", "No such route: " + method + " " + path, null);
        } catch (RequestRejectedException e) {
            return HttpResponses.error(e.status(), e.code(), e.getMessage(), null);
        } catch (InvalidInputException e) {
            return HttpResponses.badRequest(e.getMessage(), e.field());
        } catch (HeartRateStateContendedException e) {
            LOG.warn("heart-rate state busy: {}", e.getMessage());
            return HttpResponses.error(503, "heart_rate_busy", "Your heart rate is being updated; try again.", null);
        } catch (RuntimeException e) {
            LOG.error("runner request failed: {}", e.getClass().getName());
            return HttpResponses.unexpected();
        }
    }

    private APIGatewayV2HTTPResponse me(RunnerSession session) {
        String runnerId = session.runnerId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runnerId", runnerId);
        body.put("displayName", runners.find(runnerId).map(Runner::displayName)
                .orElse(session.demo() ? "Demo runner" : runnerId));
        body.put("demo", session.demo());
        Map<String, Object> linkStates = new LinkedHashMap<>();
        Map<String, Object> spotify = new LinkedHashMap<>();
        spotify.put("status", linkStatus(runnerId, Provider.SPOTIFY));
        spotify.put("dryRun", !spotifyConfigured);
        linkStates.put(Provider.SPOTIFY.id(), spotify);
        linkStates.put(Provider.GOOGLE_HEALTH.id(), Map.of("status", linkStatus(runnerId, Provider.GOOGLE_HEALTH)));
        body.put("links", linkStates);
        body.put("heartRate", heartRateBody(states.find(runnerId).orElse(RunnerHeartRate.unknown())));
        return HttpResponses.json(200, body);
    }

    private String linkStatus(String runnerId, Provider provider) {
        return links.find(runnerId, provider).map(ProviderLink::status).map(Enum::name).orElse("NOT_CONNECTED");
    }

    private APIGatewayV2HTTPResponse recentHeartRate(RunnerSession session, APIGatewayV2HTTPEvent event) {
        int minutes = minutes(event);
        Instant now = clock.instant();
        List<Map<String, Object>> series = new ArrayList<>();
        for (HeartRateSample sample : samples.between(session.runnerId(), now.minus(Duration.ofMinutes(minutes)), now.plusSeconds(1))) {
            series.add(Map.of("timestamp", sample.timestamp().toString(), "bpm", sample.bpm()));
        }
        RunnerHeartRate state = states.find(session.runnerId()).orElse(RunnerHeartRate.unknown());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minutes", minutes);
        body.put("samples", series);
        body.put("zones", zones(state));
        return HttpResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse enterHeartRate(RunnerSession session, APIGatewayV2HTTPEvent event) {
        JsonNode body = jsonBody(event);
        JsonNode bpm = body.path("bpm");
        if (!bpm.isMissingNode() && !bpm.isNull() && !bpm.canConvertToExactIntegral()) {
            throw new InvalidInputException("bpm", "bpm must be a whole number of beats per minute");
        }
        HeartRateSample sample = HeartRateSample.entered(clock.instant(),
                bpm.isMissingNode() || bpm.isNull() ? null : bpm.asInt(), "bpm");
        Optional<RunnerHeartRate> recorded = recorder.record(session.runnerId(),
                states.read(session.runnerId()), List.of(sample), RunnerHeartRate.SOURCE_MANUAL);
        if (recorded.isEmpty()) {
            return HttpResponses.error(409, "heart_rate_cleared",
                    "Your heart-rate data was deleted while this was saved; enter your heart rate again.", "bpm");
        }
        RunnerHeartRate updated = recorded.get();
        LOG.info("manual heart rate entered; suggested tempo {}", updated.suggestedTargetTempo());
        return HttpResponses.json(200, Map.of("heartRate", heartRateBody(updated)));
    }

    private static Map<String, Object> heartRateBody(RunnerHeartRate state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("current", state.current());
        body.put("at", state.at() == null ? null : state.at().toString());
        body.put("resting", state.resting());
        body.put("max", state.max());
        body.put("suggestedTargetTempo", state.suggestedTargetTempo());
        body.put("source", state.source());
        return body;
    }

    /** Zones 1–5 by heart-rate reserve, with the tempo each suggests at its lower edge. */
    private static List<Map<String, Object>> zones(RunnerHeartRate state) {
        List<Map<String, Object>> zones = new ArrayList<>();
        int reserve = state.max() - state.resting();
        for (int zone = 1; zone <= 5; zone++) {
            int from = (int) Math.round(state.resting() + reserve * (0.4 + zone / 10.0));
            int to = (int) Math.round(state.resting() + reserve * (0.5 + zone / 10.0));
            Map<String, Object> z = new LinkedHashMap<>();
            z.put("zone", zone);
            z.put("fromBpm", from);
            z.put("toBpm", to);
            z.put("suggestedTempo", SuggestedTempo.forHeartRate(from, state.resting(), state.max()));
            zones.add(z);
        }
        return zones;
    }

    private static int minutes(APIGatewayV2HTTPEvent event) {
        String value = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("minutes");
        if (value == null || value.isBlank()) {
            return DEFAULT_MINUTES;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            if (minutes >= 1 && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInputException("minutes", "minutes must be a whole number from 1 to " + MAX_MINUTES);
    }

    private static JsonNode jsonBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw != null && event.getIsBase64Encoded()) {
            raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("body", "send a JSON body such as {\"bpm\": 152}");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (!node.isObject()) {
                throw new InvalidInputException("body", "the body must be a JSON object such as {\"bpm\": 152}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the body is not valid JSON");
        }
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        return "GET";
    }
}

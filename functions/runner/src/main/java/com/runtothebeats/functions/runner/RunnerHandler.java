package com.runtothebeats.functions.runner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.heartrate.HeartRatePage;
import com.runtothebeats.core.heartrate.HeartRateRecorder;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateStateContendedException;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.heartrate.SuggestedTempo;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.Runner;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RunnerSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in runner's own API: {@code GET /api/me} (profile, links, heart-rate state),
 * {@code GET /api/heart-rate?minutes=&limit=&before=} (a page of recent samples and the runner's zones) and
 * {@code POST /api/heart-rate {"bpm":152}} (a typed heart rate, for a runner without a connected device).
 */
public class RunnerHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerHandler.class);
    private final RunnerComponents components;
    private final HeartRateRecorder recorder;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public RunnerHandler() {
        this(RunnerComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public RunnerHandler(RunnerComponents components) {
        super(components.metrics());
        this.components = components;
        this.recorder = new HeartRateRecorder(components.samples(), components.states());
        on("GET /api/me", this::me);
        on("GET /api/heart-rate", this::recentHeartRate);
        on("POST /api/heart-rate", this::enterHeartRate);
        onError(HeartRateStateContendedException.class, e -> {
            LOG.warn("heart-rate state busy: {}", e.getMessage());
            return HttpResponses.error(503, "heart_rate_busy", "Your heart rate is being updated; try again.", null);
        });
    }

    private APIGatewayV2HTTPResponse me(HttpRequest request) {
        RunnerSession session = components.sessions().requireRunner(request.event());
        String runnerId = session.runnerId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runnerId", runnerId);
        body.put("displayName", components.runners().find(runnerId).map(Runner::displayName)
                .orElse(session.demo() ? "Demo runner" : runnerId));
        body.put("demo", session.demo());
        Map<String, Object> spotify = new LinkedHashMap<>();
        spotify.put("status", linkStatus(runnerId, Provider.SPOTIFY));
        spotify.put("dryRun", !components.spotifyConfigured());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(Provider.SPOTIFY.id(), spotify);
        links.put(Provider.GOOGLE_HEALTH.id(), Map.of("status", linkStatus(runnerId, Provider.GOOGLE_HEALTH)));
        body.put("links", links);
        body.put("heartRate", heartRate(runnerId));
        return HttpResponses.json(200, body);
    }

    private String linkStatus(String runnerId, Provider provider) {
        return components.links().status(runnerId, provider).map(Enum::name).orElse("NOT_CONNECTED");
    }

    private RunnerHeartRate heartRate(String runnerId) {
        return components.states().find(runnerId).orElse(RunnerHeartRate.unknown());
    }

    private APIGatewayV2HTTPResponse recentHeartRate(HttpRequest request) {
        String runnerId = components.sessions().requireRunner(request.event()).runnerId();
        HeartRatePageRequest asked = HeartRatePageRequest.read(request, components.clock().instant());
        HeartRatePage page = components.samples().latest(runnerId, asked.from(), asked.before(), asked.limit());
        List<Map<String, Object>> series = page.samples().stream()
                .<Map<String, Object>>map(sample -> Map.of("timestamp", sample.timestamp().toString(), "bpm", sample.bpm()))
                .toList();
        RunnerHeartRate state = heartRate(runnerId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minutes", asked.minutes());
        body.put("samples", series);
        body.put("next", page.older().map(Instant::toString).orElse(null));
        body.put("zones", SuggestedTempo.zones(state.resting(), state.max()));
        return HttpResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse enterHeartRate(HttpRequest request) {
        String runnerId = components.sessions().requireRunner(request.event()).runnerId();
        JsonNode bpm = request.jsonObject("{\"bpm\": 152}").path("bpm");
        if (!bpm.isMissingNode() && !bpm.isNull() && !bpm.canConvertToExactIntegral()) {
            throw new InvalidInputException("bpm", "bpm must be a whole number of beats per minute");
        }
        HeartRateSample sample = HeartRateSample.entered(components.clock().instant(),
                bpm.isMissingNode() || bpm.isNull() ? null : bpm.asInt(), "bpm");
        Optional<RunnerHeartRate> recorded = recorder.record(runnerId, components.states().read(runnerId), List.of(sample),
                RunnerHeartRate.SOURCE_MANUAL);
        if (recorded.isEmpty()) {
            return HttpResponses.error(409, "heart_rate_cleared",
                    "Your heart-rate data was deleted while this was saved; enter your heart rate again.", "bpm");
        }
        LOG.info("manual heart rate entered; suggested tempo {}", recorded.get().suggestedTargetTempo());
        return HttpResponses.json(200, Map.of("heartRate", recorded.get()));
    }
}

package com.runtothebeats.functions.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.playlist.PlaylistBuilder;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handler with the real catalog, driven by the events/recommend samples and by bad bodies field by field. */
class RecommendHandlerTest {

    private static final software.amazon.lambda.powertools.metrics.Metrics METRICS =
            com.runtothebeats.lambda.FunctionMetrics.create(LambdaEnvironment.of(Map.of()));
    private static RecommendationService service;
    private static Path events;

    @BeforeAll
    static void loadCatalog() {
        Path csv = ProjectFiles.trainingSplit();
        assertTrue(Files.isRegularFile(csv), "the real dataset is needed at " + csv.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        List<Track> tracks = DatasetTracks.read(csv);
        TempoIndex index = TempoIndex.build(tracks, FeatureTransform.fit("test", tracks.stream().map(Track::features).toList()));
        service = new RecommendationService(new PlaylistBuilder(index, Optional.empty()));
        events = Path.of("../../events/recommend");
    }

    private static RecommendHandler handler() {
        return new RecommendHandler(new RecommendComponents(Lazy.of(() -> service), RunnerTempoLookup.NONE, METRICS));
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadApiGatewayHttpEvent(events.resolve(file).toString());
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private static APIGatewayV2HTTPResponse post(String body) {
        APIGatewayV2HTTPEvent e = event("recommend.json");
        e.setBody(body);
        return handler().handleRequest(e, null);
    }

    @Test
    void sampleRequestGetsAPlaylistThatKeepsTheRules() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(event("recommend.json"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = body(response);
        JsonNode tracks = body.get("tracks");
        assertTrue(tracks.size() >= 10);
        long elapsed = 0;
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode t = tracks.get(i);
            double target = 150 + 25 * Math.min(1, (elapsed + t.get("durationMs").asLong() / 2.0) / 3_600_000);
            assertEquals(target, t.get("targetTempo").asDouble(), 1e-9);
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - target) <= 2, t.toString());
            assertEquals(elapsed, t.get("startMs").asLong());
            assertTrue(t.get("harmonic").asBoolean());
            for (String field : List.of("id", "name", "artist", "tempo", "key", "mode", "camelot", "scores")) {
                assertTrue(t.has(field), field);
            }
            elapsed += t.get("durationMs").asLong();
        }
        JsonNode summary = body.get("summary");
        assertEquals(elapsed, summary.get("totalDurationMs").asLong());
        assertEquals(1.0, summary.get("harmonicShare").asDouble());
        assertEquals("previous-track", summary.get("flowReference").asText());
        assertEquals(false, summary.get("modelUsed").asBoolean());
        assertEquals("ramp", body.get("plan").get("type").asText());
        assertEquals("tempo", body.get("target").get("source").asText());
    }

    @Test
    void intervalSampleFollowsItsBlocks() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(event("recommend-intervals.json"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        for (JsonNode t : body.get("tracks")) {
            double mid = (t.get("startMs").asLong() + t.get("durationMs").asLong() / 2.0) % 360_000;
            double target = mid < 240_000 ? 175 : 150;
            assertEquals(target, t.get("targetTempo").asDouble(), t.toString());
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - target) <= 2, t.toString());
        }
        assertEquals("cadence", body.get("target").get("source").asText());
    }

    @Test
    void badSampleIsA400NamingTheField() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(event("recommend-bad-tempo.json"), null);
        assertEquals(400, response.getStatusCode());
        assertEquals("target.bpm", body(response).get("error").get("field").asText());
    }

    @Test
    void searchSampleFindsSeedTracks() throws Exception {
        APIGatewayV2HTTPResponse response = handler().handleRequest(event("search.json"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode tracks = body(response).get("tracks");
        assertTrue(tracks.size() >= 1 && tracks.size() <= 10);
        boolean found = false;
        for (JsonNode t : tracks) {
            found |= t.get("id").asText().equals("0r7CVbZTWZgbTCYdfa2P31");
            assertTrue(t.has("tempo") && t.has("camelot"));
        }
        assertTrue(found, "Maroon 5's Memories remix is in the training split");
    }

    @Test
    void searchNeedsAQuery() throws Exception {
        APIGatewayV2HTTPEvent e = event("search.json");
        e.setQueryStringParameters(Map.of("q", " "));
        APIGatewayV2HTTPResponse response = handler().handleRequest(e, null);
        assertEquals(400, response.getStatusCode());
        assertEquals("q", body(response).get("error").get("field").asText());
        e.setQueryStringParameters(Map.of("q", "love", "limit", "many"));
        assertEquals("limit", body(handler().handleRequest(e, null)).get("error").get("field").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "minutes too short      | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":4}                          | minutes",
            "minutes too long       | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":241}                        | minutes",
            "minutes as text        | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":\"60\"}                     | minutes",
            "minutes missing        | {\"target\":{\"type\":\"tempo\",\"bpm\":170}}                                        | minutes",
            "tempo too low          | {\"target\":{\"type\":\"tempo\",\"bpm\":39},\"minutes\":60}                           | target.bpm",
            "tempo too high         | {\"target\":{\"type\":\"tempo\",\"bpm\":240.5},\"minutes\":60}                        | target.bpm",
            "tempo missing          | {\"target\":{\"type\":\"tempo\"},\"minutes\":60}                                      | target.bpm",
            "unknown target type    | {\"target\":{\"type\":\"vibes\"},\"minutes\":60}                                      | target.type",
            "target not an object   | {\"target\":170,\"minutes\":60}                                                       | target",
            "heart rate out of range| {\"target\":{\"type\":\"heartRate\",\"bpm\":250},\"minutes\":60}                      | target.bpm",
            "cadence missing        | {\"target\":{\"type\":\"cadence\"},\"minutes\":60}                                    | target.stepsPerMinute",
            "no current heart rate  | {\"target\":{\"type\":\"current\"},\"minutes\":60}                                    | target",
            "steady without target  | {\"minutes\":60}                                                                       | target",
            "unknown plan type      | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"plan\":{\"type\":\"zigzag\"},\"minutes\":60} | plan.type",
            "ramp start too low     | {\"plan\":{\"type\":\"ramp\",\"fromBpm\":20,\"toBpm\":170},\"minutes\":60}           | plan.fromBpm",
            "ramp end missing       | {\"plan\":{\"type\":\"ramp\",\"fromBpm\":150},\"minutes\":60}                         | plan.toBpm",
            "intervals without blocks| {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"plan\":{\"type\":\"intervals\"},\"minutes\":60} | plan.blocks",
            "blocks not an array    | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"plan\":{\"type\":\"intervals\",\"blocks\":4},\"minutes\":60} | plan.blocks",
            "block of zero minutes  | {\"plan\":{\"type\":\"intervals\",\"blocks\":[{\"minutes\":4,\"bpm\":175},{\"minutes\":0,\"bpm\":150}]},\"minutes\":60} | plan.blocks[1].minutes",
            "block tempo too high   | {\"plan\":{\"type\":\"intervals\",\"blocks\":[{\"minutes\":4,\"bpm\":300}]},\"minutes\":60} | plan.blocks[0].bpm",
            "unknown seed           | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"seedTrackIds\":[\"nope\"]} | seedTrackIds[0]",
            "seed not a string      | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"seedTrackIds\":[7]}    | seedTrackIds[0]",
            "seeds not an array     | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"seedTrackIds\":\"x\"}  | seedTrackIds",
            "four seeds             | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"seedTrackIds\":[\"a\",\"b\",\"c\",\"d\"]} | seedTrackIds",
            "beam width zero        | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"beamWidth\":0}} | options.beamWidth",
            "beam width fractional  | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"beamWidth\":2.5}} | options.beamWidth",
            "beam width huge        | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"beamWidth\":1e12}} | options.beamWidth",
            "fold not a boolean     | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"fold\":\"yes\"}} | options.fold",
            "negative weight        | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"weights\":{\"flow\":-1}}} | options.weights.flow",
            "tolerance too tight    | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"tempoToleranceBpm\":0}} | options.tempoToleranceBpm",
            "unknown harmony        | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"harmony\":\"loose\"}} | options.harmony",
            "exclude not an object  | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":true} | exclude",
            "explicit not a boolean | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":{\"explicit\":\"yes\"}} | exclude.explicit",
            "artists not an array   | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":{\"artists\":\"Flume\"}} | exclude.artists",
            "artist not a string    | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":{\"artists\":[\"Flume\",3]}} | exclude.artists[1]",
            "artist blank           | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":{\"artists\":[\" \"]}} | exclude.artists[0]",
            "track id not a string  | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"exclude\":{\"trackIds\":[null]}} | exclude.trackIds[0]",
            "released from too old  | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"releasedFrom\":1492} | releasedFrom",
            "released from fraction | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"releasedFrom\":2010.5} | releasedFrom",
            "released to in future  | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"releasedTo\":3000} | releasedTo",
            "years reversed         | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"releasedFrom\":2015,\"releasedTo\":2010} | releasedTo",
            "energy not an object   | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"energy\":0.5} | energy",
            "energy min below 0     | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"energy\":{\"min\":-0.1}} | energy.min",
            "energy max as text     | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"energy\":{\"max\":\"high\"}} | energy.max",
            "energy min above max   | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"energy\":{\"min\":0.8,\"max\":0.6}} | energy.max",
            "warm-up negative       | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"warmupMinutes\":-5} | warmupMinutes",
            "cool-down too long     | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"cooldownMinutes\":45} | cooldownMinutes",
            "easy ends fill the run | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":20,\"warmupMinutes\":10,\"cooldownMinutes\":8} | warmupMinutes",
            "energy floor above 1   | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"energyFloor\":1.5}} | options.energyFloor",
            "energy weight negative | {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60,\"options\":{\"weights\":{\"energy\":-1}}} | options.weights.energy",
            "not JSON               | {\"target\":                                                                          | body",
            "an array               | []                                                                                     | body",
    })
    void eachBadFieldIsA400NamingIt(String why, String requestBody, String field) throws Exception {
        APIGatewayV2HTTPResponse response = post(requestBody.trim());
        assertEquals(400, response.getStatusCode(), why + ": " + response.getBody());
        JsonNode error = body(response).get("error");
        assertEquals(field, error.get("field").asText(), why + ": " + error);
        assertEquals("invalid_input", error.get("code").asText());
        assertTrue(error.get("message").asText().length() > 10);
    }

    @Test
    void jsonNestedPastJacksonsLimitIsA400NotA500() throws Exception {
        // Jackson refuses nesting over 1,000 deep with an exception that has no location (RequestFuzzTest found it).
        APIGatewayV2HTTPResponse response = post("[".repeat(5_000) + "]".repeat(5_000));
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("body", body(response).get("error").get("field").asText());
    }

    @Test
    void emptyBodyIsA400() throws Exception {
        APIGatewayV2HTTPResponse response = post(null);
        assertEquals(400, response.getStatusCode());
        assertEquals("body", body(response).get("error").get("field").asText());
    }

    @Test
    void anImpossibleRequestIsA422NotAWrongPlaylist() throws Exception {
        APIGatewayV2HTTPResponse response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":239},\"minutes\":60,\"options\":{\"fold\":false,\"energyFloor\":0}}");
        assertEquals(422, response.getStatusCode(), response.getBody());
        assertEquals("target", body(response).get("error").get("field").asText());
        // With the default energy floor, the floor is what a runner could relax to get a playlist here.
        response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":239},\"minutes\":60,\"options\":{\"fold\":false}}");
        assertEquals(422, response.getStatusCode(), response.getBody());
        assertEquals("options.energyFloor", body(response).get("error").get("field").asText());
    }

    @Test
    void genresChooseTheStyleAndAnUnknownOneIsA400() throws Exception {
        APIGatewayV2HTTPResponse response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30,\"genres\":[\"Rock\"]}");
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode dominant = body(response).get("summary").get("dominantGenre");
        assertEquals("rock", dominant.get("genre").asText());
        assertEquals(1.0, dominant.get("share").asDouble());
        assertEquals(body(response).get("tracks").size(), dominant.get("tracks").asInt());
        for (String bad : List.of("[\"rock\",\"polka\"]", "\"rock\"", "[7]")) {
            response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30,\"genres\":" + bad + "}");
            assertEquals(400, response.getStatusCode(), response.getBody());
            assertTrue(body(response).get("error").get("field").asText().startsWith("genres"), response.getBody());
        }
    }

    @Test
    void limitsWarmUpAndCoolDownAreHonoured() throws Exception {
        APIGatewayV2HTTPResponse response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":45,"
                + "\"warmupMinutes\":5,\"cooldownMinutes\":5,\"exclude\":{\"explicit\":true,\"artists\":[\"Flume\"]},"
                + "\"releasedFrom\":2000,\"energy\":{\"min\":0.4,\"max\":0.97},\"options\":{\"energyFloor\":0.55,\"weights\":{\"energy\":2}}}");
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        for (JsonNode t : body.get("tracks")) {
            assertTrue(!t.get("artist").asText().equalsIgnoreCase("flume"));
            double energy = t.get("energy").asDouble();
            assertTrue(energy >= 0.4 && energy <= 0.97, t.toString());
            String effort = t.get("effort").asText();
            double mid = t.get("startMs").asLong() + t.get("durationMs").asLong() / 2.0;
            boolean easy = mid < 5 * 60_000 || mid >= 40 * 60_000;
            assertEquals(easy ? 148.5 : 165.0, t.get("targetTempo").asDouble(), t.toString());
            assertEquals(easy, effort.equals("warm-up") || effort.equals("cool-down"), t.toString());
            assertTrue(easy || energy >= 0.55, "the floor holds outside the easy ends: " + t);
            assertTrue(t.get("songKey").asText().contains("|"));
        }
        JsonNode summary = body.get("summary");
        assertEquals(body.get("tracks").size(), summary.get("distinctSongs").asInt());
        assertEquals(0.55, summary.get("energyFloor").asDouble());
        assertEquals(0, summary.get("lowEnergyTracks").asInt());
        assertTrue(summary.get("meanEnergy").asDouble() > 0.5);
    }

    @Test
    void limitsNothingFitsAre422sNamingTheLimit() throws Exception {
        APIGatewayV2HTTPResponse response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":60,\"energy\":{\"min\":0.995}}");
        assertEquals(422, response.getStatusCode(), response.getBody());
        assertEquals("energy.min", body(response).get("error").get("field").asText());
        response = post("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":60,\"releasedFrom\":2026}");
        assertEquals(422, response.getStatusCode(), response.getBody());
        assertEquals("releasedFrom", body(response).get("error").get("field").asText());
    }

    @Test
    void currentTargetUsesTheRunnersSuggestedTempo() throws Exception {
        RecommendHandler withRunner = new RecommendHandler(new RecommendComponents(Lazy.of(() -> service),
                e -> Optional.of(TargetTempo.current(158)), METRICS));
        APIGatewayV2HTTPEvent e = event("recommend.json");
        e.setBody("{\"target\":{\"type\":\"current\"},\"minutes\":30}");
        JsonNode body = body(withRunner.handleRequest(e, null));
        assertEquals("current", body.get("target").get("source").asText());
        assertEquals(158.0, body.get("target").get("bpm").asDouble());
        for (JsonNode t : body.get("tracks")) {
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - 158) <= 2);
        }
    }

    @Test
    void unknownRouteIs404() {
        APIGatewayV2HTTPEvent e = event("search.json");
        e.setRouteKey("GET /api/nothing");
        assertEquals(404, handler().handleRequest(e, null).getStatusCode());
    }

    /** Garbage bodies never produce a 5xx. */
    @Test
    void randomBodiesNeverCauseA5xx() {
        Random random = new Random(7);
        String[] pieces = {"{", "}", "[", "]", "\"target\"", "\"plan\"", "\"minutes\"", ":", ",", "null", "true", "-1", "1e400",
                "170", "\"tempo\"", "\"type\"", "\"bpm\"", "\"blocks\"", "{\"minutes\":2}", "\"seedTrackIds\"", "\"options\"", "\"\\u0000\""};
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int j = 0; j < n; j++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            int status = post(b.toString()).getStatusCode();
            assertTrue(status == 200 || status == 400 || status == 422, b + " -> " + status);
        }
    }
}

package com.runtothebeats.providers.reccobeats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against WireMock serving ReccoBeats' reported response shape. */
class ReccoBeatsClientTest {

    WireMockServer server;
    List<Duration> pauses = new ArrayList<>();
    ReccoBeatsClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ReccoBeatsStandIn()));
        server.start();
        client = new ReccoBeatsClient(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.port() + "/v1"), pauses::add);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("track%017d", i)).toList();
    }

    void serve(String idsKnownPattern) {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers(ReccoBeatsStandIn.NAME)
                .withTransformerParameter("unknown", idsKnownPattern)));
    }

    List<List<String>> requestedBatches() {
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/v1/audio-features")));
        return requests.stream().map(r -> Arrays.asList(r.queryParameter("ids").firstValue().split(","))).toList();
    }

    @Test
    void asksForAtMost40IdsPerCallAndMatchesResultsByTheSpotifyIdInHref() {
        serve("");
        List<String> ids = ids(95);

        AudioFeatureLookup lookup = client.audioFeatures(ids);

        assertEquals(List.of(40, 40, 15), requestedBatches().stream().map(List::size).toList());
        assertEquals(95, lookup.found().size());
        // The stand-in answers in reverse order with its own ids: only href ties a result to its track.
        assertEquals(120.0 + 7, lookup.found().get(ids.get(7)).tempo(), 1e-9);
        assertEquals(7 % 12, lookup.found().get(ids.get(7)).key());
        assertTrue(lookup.unknown().isEmpty());
    }

    @Test
    void tracksItDoesNotKnowAreReportedNotGuessed() {
        serve("track0000000000000000(3|5)");
        List<String> ids = ids(6);

        AudioFeatureLookup lookup = client.audioFeatures(ids);

        assertEquals(List.of(ids.get(3), ids.get(5)), lookup.unknown());
        assertEquals(4, lookup.found().size());
        assertTrue(!lookup.found().containsKey(ids.get(3)));
    }

    @Test
    void duplicatesAreAskedForOnce() {
        serve("");
        client.audioFeatures(List.of(ids(2).get(0), ids(2).get(1), ids(2).get(0)));
        assertEquals(List.of(List.of(ids(2).get(0), ids(2).get(1))), requestedBatches());
    }

    @Test
    void aRateLimitIsHonouredWithRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("after").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).inScenario("429").whenScenarioStateIs("after")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers(ReccoBeatsStandIn.NAME).withTransformerParameter("unknown", "")));

        AudioFeatureLookup lookup = client.audioFeatures(ids(3));

        assertEquals(List.of(Duration.ofSeconds(3)), pauses);
        assertEquals(3, lookup.found().size());
    }

    @Test
    void aClientErrorIsReportedNotRetried() {
        server.stubFor(get(urlPathEqualTo("/v1/audio-features")).willReturn(aResponse().withStatus(400)));
        assertThrows(ReccoBeatsUnavailableException.class, () -> client.audioFeatures(ids(2)));
        assertEquals(1, requestedBatches().size());
    }

    @Test
    void theSpotifyIdIsReadFromTheHref() {
        assertEquals("6f807x0ima9a1j3VPbc7VN",
                ReccoBeatsClient.spotifyIdOf("https://open.spotify.com/track/6f807x0ima9a1j3VPbc7VN").orElseThrow());
        assertEquals("6f807x0ima9a1j3VPbc7VN",
                ReccoBeatsClient.spotifyIdOf("https://open.spotify.com/track/6f807x0ima9a1j3VPbc7VN?si=x").orElseThrow());
        assertTrue(ReccoBeatsClient.spotifyIdOf("https://open.spotify.com/album/6f807x0ima9a1j3VPbc7VN").isEmpty());
    }
}

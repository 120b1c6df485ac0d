package com.runtothebeats.providers.getsongbpm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.library.TrackListing;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against WireMock serving GetSongBPM's documented search shape. */
class GetSongBpmClientTest {

    WireMockServer server;
    GetSongBpmClient client;
    List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        client = new GetSongBpmClient(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.port() + "/"), "key-123",
                pauses::add);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String song(String title, String artist, String tempo, String keyOf, String openKey) {
        return "{\"id\":\"s" + Math.abs(title.hashCode()) + "\",\"title\":\"" + title + "\",\"uri\":\"https://getsongbpm.com/song/x\","
                + "\"artist\":{\"id\":\"a1\",\"name\":\"" + artist + "\",\"uri\":\"https://getsongbpm.com/artist/y\"},"
                + "\"album\":{\"title\":\"Album\",\"uri\":\"z\"},\"tempo\":\"" + tempo + "\",\"time_sig\":\"4/4\",\"key_of\":\""
                + keyOf + "\",\"open_key\":\"" + openKey + "\"}";
    }

    void answer(String lookup, String body) {
        server.stubFor(get(urlPathEqualTo("/search/")).withQueryParam("lookup", equalTo(lookup))
                .withQueryParam("api_key", equalTo("key-123")).withQueryParam("type", equalTo("both"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    static TrackListing listing(String name, String... artists) {
        return new TrackListing("abcdefghijklmnopqrstuv", name, List.of(artists), "Album", 210000);
    }

    @Test
    void theSearchIsSentCleanedAndTheMatchingSongNotTheFirstIsTaken() {
        answer("song:Señorita artist:Shawn Mendes", "{\"search\":[" + song("Señorita (Live)", "Shawn Mendes", "90", "Am", "1m") + ","
                + song("Senorita", "Shawn Mendes & Camila Cabello", "117", "A", "4d") + "]}");

        Optional<AudioFeatures> found = client.find(listing("Señorita - Remastered 2011 (feat. Camila Cabello)", "Shawn Mendes", "Camila Cabello"));

        assertTrue(found.isPresent());
        assertEquals(117.0, found.get().tempo(), 1e-9, "tempo arrives as a string");
        assertEquals(9, found.get().key());
        assertEquals(1, found.get().mode());
        assertFalse(found.get().hasFlowFeatures(), "GetSongBPM gives no flow features: they stay unknown");
    }

    @Test
    void accentsFeaturedArtistsAndTheLeadingTheAreNormalisedAway() {
        answer("song:Café del Mar artist:The Energy 52", "{\"search\":[" + song("Cafe Del Mar", "Energy 52", "133", "F♯m", "4m") + "]}");

        AudioFeatures found = client.find(listing("Café del Mar [feat. Nobody]", "The Energy 52")).orElseThrow();

        assertEquals(133.0, found.tempo(), 1e-9);
        assertEquals(6, found.key(), "F♯");
        assertEquals(0, found.mode(), "minor");
    }

    @Test
    void anotherSongOrAnotherArtistIsNotAMatch() {
        answer("song:Run artist:Foo Fighters", "{\"search\":[" + song("Run (Remix)", "Foo Fighters", "150", "C", "1d") + ","
                + song("Run", "Snow Patrol", "102", "C", "1d") + "]}");

        assertEquals(Optional.empty(), client.find(listing("Run", "Foo Fighters")));
    }

    @Test
    void noResultIsEmpty() {
        answer("song:Unheard artist:Nobody", "{\"search\":{\"error\":\"no result\"}}");

        assertEquals(Optional.empty(), client.find(listing("Unheard", "Nobody")));
    }

    @Test
    void aSongWithoutTempoOrKeyIsNotUsed() {
        answer("song:Quiet artist:Someone", "{\"search\":[" + song("Quiet", "Someone", "", "", "") + "]}");

        assertEquals(Optional.empty(), client.find(listing("Quiet", "Someone")));
    }

    @Test
    void openKeyIsUsedWhenTheLetterNameIsMissing() {
        answer("song:Drive artist:Incubus", "{\"search\":[" + song("Drive", "Incubus", "91", "", "10m") + "]}");

        AudioFeatures found = client.find(listing("Drive", "Incubus")).orElseThrow();
        assertEquals(0, found.key(), "10m is C minor");
        assertEquals(0, found.mode());
    }

    @Test
    void rateLimitsWaitRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/search/")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/search/")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"search\":[" + song("Drive", "Incubus", "91", "Cm", "10m") + "]}")));

        assertTrue(client.find(listing("Drive", "Incubus")).isPresent());
        assertEquals(List.of(Duration.ofSeconds(3)), pauses);
        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo("/search/"))).size());
    }
}

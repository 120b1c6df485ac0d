package com.runtothebeats.local.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which of the demo's music stand-ins start: each one only while its base URL is not configured. */
class LocalMusicProvidersTest {

    private static final Supplier<DatasetSongs> DATASET = () -> DatasetSongs.read(
            Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../shared/data"), "spotify", "spotify_songs_train.csv"));

    @Test
    void withNothingConfiguredAllThreeStartAndTheFunctionsAreToldWhere() throws Exception {
        try (LocalMusicProviders providers = LocalMusicProviders.startForDemo(Map.of(), DATASET, DemoLibrary::demo)) {
            Map<String, String> env = providers.environment();
            assertEquals(3, providers.started().size(), providers.started().toString());
            String token = env.get(LocalMusicProviders.DEMO_TOKEN_VARIABLE);
            assertTrue(token.length() > 20, "a random token per start");
            HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(env.get("SPOTIFY_API_BASE_URL") + "/v1/me")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(env.get("RECCOBEATS_BASE_URL").startsWith("http://127.0.0.1:") && env.get("RECCOBEATS_BASE_URL").endsWith("/v1"));
            assertEquals(LocalMusicProviders.LOCAL_GETSONGBPM_KEY, env.get("GETSONGBPM_API_KEY"));
        }
    }

    @Test
    void aConfiguredBaseUrlMeansOursDoesNotStartForIt() {
        Map<String, String> settings = Map.of("RECCOBEATS_BASE_URL", "http://127.0.0.1:9/v1", "GETSONGBPM_API_KEY", "their-key");
        try (LocalMusicProviders providers = LocalMusicProviders.startForDemo(settings, DATASET, DemoLibrary::demo)) {
            assertFalse(providers.environment().containsKey("RECCOBEATS_BASE_URL"), "theirs stays as configured");
            assertEquals(2, providers.started().size());
            assertTrue(providers.started().stream().noneMatch(s -> s.startsWith("ReccoBeats")), providers.started().toString());
            assertEquals("their-key", providers.environment().get("GETSONGBPM_API_KEY"), "our GetSongBPM checks the configured key");
        }
    }

    @Test
    void withEveryBaseUrlConfiguredNothingStartsAndTheDatasetIsNotRead() {
        Map<String, String> settings = Map.of("SPOTIFY_API_BASE_URL", "http://127.0.0.1:9", "RECCOBEATS_BASE_URL", "http://127.0.0.1:9/v1",
                "GETSONGBPM_BASE_URL", "http://127.0.0.1:9", "BEATS_DEMO_SPOTIFY_TOKEN", "theirs");
        Supplier<DatasetSongs> mustNotRead = () -> {
            throw new AssertionError("no stand-in needs the dataset");
        };
        try (LocalMusicProviders providers = LocalMusicProviders.startForDemo(settings, mustNotRead, DemoLibrary::demo)) {
            assertEquals(List.of(), providers.started());
            assertEquals(Map.of(), providers.environment());
        }
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.local.heartrate.LocalGoogleHealth;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static final Path STATE = Path.of("/tmp/beats-state");

    @Test
    void plainProviderVariablesReachTheFunctionsAndBeatsEnvWins() {
        Map<String, String> merged = ProviderSettings.forFunctions(Map.of(
                "SPOTIFY_API_BASE_URL", "http://127.0.0.1:9999",
                "SPOTIFY_ACCOUNTS_BASE_URL", "http://127.0.0.1:9999",
                "SPOTIFY_CLIENT_ID", "plain-id",
                "BEATS_ENV_SPOTIFY_CLIENT_ID", "override-id",
                "SESSION_SECRET", "s3cret",
                "HOME", "/home/runner",
                "PATH", "/usr/bin"));

        assertEquals("http://127.0.0.1:9999", merged.get("SPOTIFY_API_BASE_URL"));
        assertEquals("http://127.0.0.1:9999", merged.get("SPOTIFY_ACCOUNTS_BASE_URL"));
        assertEquals("override-id", merged.get("SPOTIFY_CLIENT_ID"));
        assertEquals("s3cret", merged.get("SESSION_SECRET"));
        // only the documented provider variables pass through plain; the rest of the shell stays out
        assertFalse(merged.containsKey("HOME"));
        assertFalse(merged.containsKey("PATH"));
    }

    @Test
    void aPlainSpotifyClientIdEndsTheDemoAndSignsInThroughServesCallback() {
        LocalDemo demo = LocalDemo.decide(Map.of("SPOTIFY_CLIENT_ID", "plain-id"), STATE, 3123);

        assertFalse(demo.active());
        assertNull(demo.environment().get("BEATS_DEMO_MODE"));
        assertEquals("http://127.0.0.1:3123/auth/spotify/callback", demo.environment().get("SPOTIFY_REDIRECT_URI"));
    }

    @Test
    void withoutAnySpotifyClientTheDemoRuns() {
        LocalDemo demo = LocalDemo.decide(Map.of("SPOTIFY_CLIENT_ID", " "), STATE, 3000);

        assertTrue(demo.active());
        assertEquals("true", demo.environment().get("BEATS_DEMO_MODE"));
    }

    @Test
    void aGivenRedirectUriIsKept() {
        LocalDemo demo = LocalDemo.decide(Map.of("BEATS_ENV_SPOTIFY_CLIENT_ID", "id",
                "SPOTIFY_REDIRECT_URI", "http://127.0.0.1:4000/auth/spotify/callback"), STATE, 3000);

        assertFalse(demo.active());
        assertFalse(demo.environment().containsKey("SPOTIFY_REDIRECT_URI"));
    }

    @Test
    void plainGoogleSettingsPointGoogleHealthAwayFromTheStandIn() {
        Map<String, String> configured = LocalGoogleHealth.environment(Map.of(
                "GOOGLE_OAUTH_BASE_URL", "http://127.0.0.1:7777",
                "GOOGLE_HEALTH_WEBHOOK_SECRET", "hook-secret"), 3000);
        Map<String, String> standIn = LocalGoogleHealth.environment(Map.of(), 3000);

        assertFalse(configured.containsKey("GOOGLE_OAUTH_BASE_URL"));
        assertFalse(configured.containsKey("GOOGLE_CLIENT_ID"));
        assertEquals("hook-secret", configured.get("GOOGLE_HEALTH_WEBHOOK_SECRET"));
        assertEquals(LocalGoogleHealth.LOCAL_CLIENT_ID, standIn.get("GOOGLE_CLIENT_ID"));
    }
}

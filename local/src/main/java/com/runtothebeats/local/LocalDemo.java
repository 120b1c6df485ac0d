package com.runtothebeats.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether {@code ./beats serve} runs the demo, and what the functions need to know for it. Without a
 * Spotify client configured there is nobody to sign in with, so the local demo runner stands in (sessions'
 * demo mode) and Publish writes the playlist it would have created to a dry-run file in the state
 * directory. With {@code SPOTIFY_CLIENT_ID} given (plain or as {@code BEATS_ENV_SPOTIFY_CLIENT_ID}; see
 * {@link ProviderSettings}) the real providers are used. PKCE sign-in needs no client secret, but it needs a
 * redirect URI: without one it is serve's own callback.
 */
record LocalDemo(boolean active, Map<String, String> environment) {

    static final String SPOTIFY_CLIENT_ID = "SPOTIFY_CLIENT_ID";

    /** From the process environment of {@code ./beats serve}, its state directory and port. */
    static LocalDemo decide(Map<String, String> processEnvironment, Path stateDir, int servePort) {
        Map<String, String> settings = ProviderSettings.forFunctions(processEnvironment);
        Map<String, String> environment = new LinkedHashMap<>();
        if (!settings.containsKey("TOKEN_KEY_ID")) {
            // Provider tokens are encrypted at rest; locally with a key file kept beside the tables.
            environment.put("TOKEN_KEY_ID", "local-file:" + stateDir.resolve("token.key"));
        }
        boolean demo = !ProviderSettings.isSet(settings, SPOTIFY_CLIENT_ID);
        if (demo) {
            environment.put("BEATS_DEMO_MODE", "true");
            environment.put("BEATS_DRY_RUN_DIR", stateDir.resolve("dry-run").toString());
        } else if (!ProviderSettings.isSet(settings, "SPOTIFY_REDIRECT_URI")) {
            environment.put("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:" + servePort + "/auth/spotify/callback");
        }
        return new LocalDemo(demo, Map.copyOf(environment));
    }
}

package com.runtothebeats.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether {@code ./beats serve} runs the demo, and what the functions need to know for it. Without a
 * Spotify client configured there is nobody to sign in with, so the local demo runner stands in (sessions'
 * demo mode) and Publish writes the playlist it would have created to a dry-run file in the state
 * directory. With {@code SPOTIFY_CLIENT_ID} given (as {@code BEATS_ENV_SPOTIFY_CLIENT_ID}, which the local
 * stack passes to every function) the real providers are used.
 */
record LocalDemo(boolean active, Map<String, String> environment) {

    static final String SPOTIFY_CLIENT_ID = "BEATS_ENV_SPOTIFY_CLIENT_ID";

    /** From the process environment of {@code ./beats serve} and its state directory. */
    static LocalDemo decide(Map<String, String> processEnvironment, Path stateDir) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (!processEnvironment.containsKey("BEATS_ENV_TOKEN_KEY_ID")) {
            // Provider tokens are encrypted at rest; locally with a key file kept beside the tables.
            environment.put("TOKEN_KEY_ID", "local-file:" + stateDir.resolve("token.key"));
        }
        String clientId = processEnvironment.get(SPOTIFY_CLIENT_ID);
        boolean demo = clientId == null || clientId.isBlank();
        if (demo) {
            environment.put("BEATS_DEMO_MODE", "true");
            environment.put("BEATS_DRY_RUN_DIR", stateDir.resolve("dry-run").toString());
        }
        return new LocalDemo(demo, Map.copyOf(environment));
    }
}

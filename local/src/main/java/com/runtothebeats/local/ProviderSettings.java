package com.runtothebeats.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider settings a person running {@code ./beats} may give as plain process variables (as they would
 * on AWS), e.g. {@code SPOTIFY_CLIENT_ID=… ./beats serve} against a Spotify stand-in of their own. Functions
 * see them over the template's values; {@code BEATS_ENV_<NAME>} (any name) still wins over a plain one.
 * Demo mode and Google's stand-in are decided from this same merged view.
 */
public final class ProviderSettings {

    /** The documented provider variables taken from the plain process environment (README, Configuration). */
    public static final List<String> PLAIN_VARIABLES = List.of(
            "SPOTIFY_API_BASE_URL", "SPOTIFY_ACCOUNTS_BASE_URL", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET",
            "SPOTIFY_REDIRECT_URI", "RECCOBEATS_BASE_URL", "GETSONGBPM_BASE_URL", "GETSONGBPM_API_KEY",
            "BEATS_DEMO_SPOTIFY_TOKEN", "GOOGLE_OAUTH_BASE_URL",
            "GOOGLE_HEALTH_API_BASE_URL", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "GOOGLE_REDIRECT_URI",
            "GOOGLE_HEALTH_WEBHOOK_SECRET", "SESSION_SECRET");

    static final String OVERRIDE_PREFIX = "BEATS_ENV_";

    private ProviderSettings() {
    }

    /**
     * The variables every function gets from the process environment: the plain provider variables above,
     * then every {@code BEATS_ENV_<NAME>} as {@code <NAME>} (winning over a plain one).
     */
    public static Map<String, String> forFunctions(Map<String, String> processEnvironment) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : PLAIN_VARIABLES) {
            String value = processEnvironment.get(name);
            if (value != null) {
                merged.put(name, value);
            }
        }
        processEnvironment.forEach((name, value) -> {
            if (name.startsWith(OVERRIDE_PREFIX) && name.length() > OVERRIDE_PREFIX.length()) {
                merged.put(name.substring(OVERRIDE_PREFIX.length()), value);
            }
        });
        return merged;
    }

    /** Whether the merged view gives {@code name} a non-blank value. */
    static boolean isSet(Map<String, String> merged, String name) {
        String value = merged.get(name);
        return value != null && !value.isBlank();
    }
}

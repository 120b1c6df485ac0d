package com.runtothebeats.local.heartrate;

import com.runtothebeats.local.ProviderSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the functions of {@code ./beats serve} need to know for Google Health locally: the webhook secret
 * (from the environment instead of SSM), and, unless Google is configured ({@code GOOGLE_CLIENT_ID},
 * {@code GOOGLE_OAUTH_BASE_URL} or {@code GOOGLE_HEALTH_API_BASE_URL}, plain or as {@code BEATS_ENV_<NAME>};
 * see {@link ProviderSettings}), Google's endpoints pointed at the stand-in that
 * {@code ./beats replay-heart-rate} runs on port {@value ReplayHeartRateCommand#DEFAULT_STAND_IN_PORT}.
 */
public final class LocalGoogleHealth {

    public static final String LOCAL_CLIENT_ID = "local-google-client";

    /** Any of these given means Google is somewhere else than the local stand-in. */
    private static final List<String> GOOGLE_CONFIGURED_BY = List.of(
            "GOOGLE_CLIENT_ID", "GOOGLE_OAUTH_BASE_URL", "GOOGLE_HEALTH_API_BASE_URL");

    private LocalGoogleHealth() {
    }

    /** Variables for every function (the local stack's extra environment), given serve's process environment. */
    public static Map<String, String> environment(Map<String, String> processEnvironment, int servePort) {
        Map<String, String> settings = ProviderSettings.forFunctions(processEnvironment);
        Map<String, String> environment = new LinkedHashMap<>();
        String secret = settings.get("GOOGLE_HEALTH_WEBHOOK_SECRET");
        environment.put("GOOGLE_HEALTH_WEBHOOK_SECRET",
                secret == null || secret.isBlank() ? ReplayHeartRateCommand.LOCAL_WEBHOOK_SECRET : secret);
        boolean configured = GOOGLE_CONFIGURED_BY.stream().anyMatch(name -> {
            String value = settings.get(name);
            return value != null && !value.isBlank();
        });
        if (!configured) {
            String standIn = "http://127.0.0.1:" + ReplayHeartRateCommand.DEFAULT_STAND_IN_PORT;
            environment.put("GOOGLE_CLIENT_ID", LOCAL_CLIENT_ID);
            environment.put("GOOGLE_OAUTH_BASE_URL", standIn);
            environment.put("GOOGLE_HEALTH_API_BASE_URL", standIn);
            environment.put("GOOGLE_REDIRECT_URI", "http://127.0.0.1:" + servePort + "/auth/google-health/callback");
        }
        return Map.copyOf(environment);
    }
}

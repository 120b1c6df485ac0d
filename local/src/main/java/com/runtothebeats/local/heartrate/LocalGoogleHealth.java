package com.runtothebeats.local.heartrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the functions of {@code ./beats serve} need to know for Google Health locally: the webhook secret
 * (from the environment instead of SSM), and, unless a real Google client is configured
 * ({@code BEATS_ENV_GOOGLE_CLIENT_ID}), Google's endpoints pointed at the stand-in that
 * {@code ./beats replay-heart-rate} runs on port {@value ReplayHeartRateCommand#DEFAULT_STAND_IN_PORT}.
 */
public final class LocalGoogleHealth {

    public static final String LOCAL_CLIENT_ID = "local-google-client";

    private LocalGoogleHealth() {
    }

    /** Variables for every function (the local stack's extra environment), given serve's process environment. */
    public static Map<String, String> environment(Map<String, String> processEnvironment, int servePort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GOOGLE_HEALTH_WEBHOOK_SECRET", processEnvironment.getOrDefault(
                "BEATS_ENV_GOOGLE_HEALTH_WEBHOOK_SECRET", ReplayHeartRateCommand.LOCAL_WEBHOOK_SECRET));
        String clientId = processEnvironment.get("BEATS_ENV_GOOGLE_CLIENT_ID");
        if (clientId == null || clientId.isBlank()) {
            String standIn = "http://127.0.0.1:" + ReplayHeartRateCommand.DEFAULT_STAND_IN_PORT;
            environment.put("GOOGLE_CLIENT_ID", LOCAL_CLIENT_ID);
            environment.put("GOOGLE_OAUTH_BASE_URL", standIn);
            environment.put("GOOGLE_HEALTH_API_BASE_URL", standIn);
            environment.put("GOOGLE_REDIRECT_URI", "http://127.0.0.1:" + servePort + "/auth/google-health/callback");
        }
        return Map.copyOf(environment);
    }
}

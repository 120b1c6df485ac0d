package com.runtothebeats.functions.healthwebhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.lambda.HttpResponses;
import java.util.List;

/**
 * The Fitbit Web API and its Subscriptions webhooks were shut down on 2026-11-02. We never built against
 * them: their routes ({@code /webhooks/fitbit}, {@code /auth/fitbit/*}) answer 410 Gone, saying what replaced them.
 */
final class LegacyFitbitRoutes {

    private LegacyFitbitRoutes() {
    }

    /** As template.yaml routes them to this function. */
    static final List<String> ROUTES = List.of("ANY /webhooks/fitbit", "ANY /auth/fitbit/start", "ANY /auth/fitbit/callback");

    static APIGatewayV2HTTPResponse gone() {
        return HttpResponses.error(410, "fitbit_web_api_retired",
                "The Fitbit Web API was shut down on 2026-11-02. Fitbit data now comes from the Google Health API: "
                        + "connect at /auth/google-health/start; notifications arrive at /webhooks/google-health.", null);
    }
}

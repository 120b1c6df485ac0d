package com.runtothebeats.local.heartrate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where a replay sends the runner: the running {@code ./beats serve}, or handlers in this process. */
public interface ReplayTarget {

    /** Connects the runner's (stand-in) Google Health account through the Auth function's connect flow. */
    void connect(GoogleHealthStandIn standIn);

    /** Delivers a webhook body with its headers to {@code POST /webhooks/google-health}; the status answered. */
    int deliverWebhook(String body, Map<String, String> headers);

    /** The runner's current heart rate and when it was measured, as the runner API reports it. */
    Optional<CurrentHeartRate> currentHeartRate();

    record CurrentHeartRate(int bpm, Instant at) {
    }
}

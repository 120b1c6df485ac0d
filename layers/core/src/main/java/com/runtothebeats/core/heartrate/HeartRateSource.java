package com.runtothebeats.core.heartrate;

import java.time.Instant;
import java.util.List;

/** A provider that serves a user's heart-rate samples (the Google Health API). */
public interface HeartRateSource {

    /**
     * Samples with {@code start <= sample time < end}, every page.
     *
     * @throws com.runtothebeats.core.identity.AccessTokenRejectedException when the provider answers 401
     * @throws com.runtothebeats.core.identity.ConsentRevokedException when it answers 410 / revoked consent
     */
    List<HeartRateSample> samplesBetween(String accessToken, Instant start, Instant end);
}

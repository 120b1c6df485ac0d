package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.HeartRateSource;
import com.runtothebeats.core.identity.AccessTokenRejectedException;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.time.Pause;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Google Health API v4 for one user's token: who they are ({@code users/me/identity}) and their
 * heart-rate samples ({@code users/me/dataTypes/heart-rate/dataPoints}, filtered on physical time, every
 * page). 429 is waited out as {@code Retry-After} says, a few times, before giving up for a later retry.
 */
public final class GoogleHealthClient implements HeartRateSource {

    static final int PAGE_SIZE = 10_000;
    static final int RATE_LIMIT_ATTEMPTS = 4;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(20);

    private final GoogleHttp http = new GoogleHttp();
    private final URI baseUrl;
    private final Pause pause;

    public GoogleHealthClient(URI baseUrl, Pause pause) {
        this.baseUrl = baseUrl;
        this.pause = pause;
    }

    /** The {@code healthUserId} that the API's webhook notifications name this user by. */
    public String healthUserId(String accessToken) {
        JsonNode identity = get(accessToken, "/v4/users/me/identity");
        String id = identity.path("healthUserId").asText(null);
        if (id == null || id.isBlank()) {
            throw new GoogleApiException(200, "Google Health identity has no healthUserId");
        }
        return id;
    }

    @Override
    public List<HeartRateSample> samplesBetween(String accessToken, Instant start, Instant end) {
        String filter = "heart_rate.sample_time.physical_time >= \"" + start + "\" AND "
                + "heart_rate.sample_time.physical_time < \"" + end + "\"";
        List<HeartRateSample> samples = new ArrayList<>();
        String pageToken = null;
        do {
            StringBuilder path = new StringBuilder("/v4/users/me/dataTypes/heart-rate/dataPoints?filter=")
                    .append(encode(filter)).append("&pageSize=").append(PAGE_SIZE);
            if (pageToken != null) {
                path.append("&pageToken=").append(encode(pageToken));
            }
            JsonNode page = get(accessToken, path.toString());
            for (JsonNode point : page.path("dataPoints")) {
                parseSample(point).ifPresent(samples::add);
            }
            pageToken = page.path("nextPageToken").asText("");
        } while (!pageToken.isEmpty());
        return samples;
    }

    /** {@code beatsPerMinute} is an int64, which Google's JSON sends as a string. */
    static Optional<HeartRateSample> parseSample(JsonNode point) {
        JsonNode heartRate = point.has("heartRate") ? point.path("heartRate") : point.path("heart_rate");
        JsonNode bpm = heartRate.has("beatsPerMinute") ? heartRate.path("beatsPerMinute") : heartRate.path("beats_per_minute");
        JsonNode sampleTime = heartRate.has("sampleTime") ? heartRate.path("sampleTime") : heartRate.path("sample_time");
        String time = sampleTime.has("physicalTime") ? sampleTime.path("physicalTime").asText(null)
                : sampleTime.path("physical_time").asText(null);
        if (time == null || bpm.isMissingNode() || bpm.isNull()) {
            return Optional.empty();
        }
        try {
            long value = bpm.isNumber() ? bpm.asLong() : Long.parseLong(bpm.asText().trim());
            return Optional.of(new HeartRateSample(Instant.parse(time), (int) Math.min(Integer.MAX_VALUE, value)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private JsonNode get(String accessToken, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(GoogleHttp.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return GoogleOAuthClient.parse(response);
            }
            if (status == 401) {
                throw new AccessTokenRejectedException("Google Health rejected the access token");
            }
            if (status == 410) {
                throw new ConsentRevokedException("Google Health answered 410 Gone for this user");
            }
            if (status == 429 && attempt < RATE_LIMIT_ATTEMPTS) {
                Duration wait = retryAfter(response);
                if (wait.compareTo(LONGEST_RETRY_AFTER) <= 0) {
                    pause.pause(wait);
                    continue;
                }
                // Longer than a Lambda should sleep: fail this attempt; the stream retries it later.
            }
            throw new GoogleApiException(status, "Google Health answered " + status + " to " + request.uri().getPath());
        }
    }

    static Duration retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.get().trim())));
        } catch (NumberFormatException httpDate) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

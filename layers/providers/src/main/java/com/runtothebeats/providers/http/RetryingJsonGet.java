package com.runtothebeats.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A JSON {@code GET} with the retry policy our keyless music-data providers need (ReccoBeats, GetSongBPM): 429 →
 * wait {@code Retry-After} (a bounded number of times), 5xx and broken connections → bounded retries with
 * exponential backoff, anything else → the provider's "unavailable" exception. Messages never contain the URI,
 * which may carry an API key.
 */
public final class RetryingJsonGet {

    public static final int MAX_RATE_LIMIT_WAITS = 5;
    public static final int MAX_SERVER_ERROR_RETRIES = 3;

    private final HttpClient http;
    private final Pause pause;
    private final String provider;
    private final BiFunction<String, Throwable, RuntimeException> unavailable;

    public RetryingJsonGet(HttpClient http, Pause pause, String provider, BiFunction<String, Throwable, RuntimeException> unavailable) {
        this.http = http;
        this.pause = pause;
        this.provider = provider;
        this.unavailable = unavailable;
    }

    /** @param what what the call was for, in the failure's message ("40 ids") */
    public JsonNode get(URI uri, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Accept", "application/json").GET().build();
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (serverRetries >= MAX_SERVER_ERROR_RETRIES) {
                    throw unavailable.apply(provider + " could not be reached", e);
                }
                pause.pause(Duration.ofMillis(500L << serverRetries++));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable.apply("interrupted while calling " + provider, e);
            }
            int status = response.statusCode();
            if (status == 200) {
                try {
                    return Json.MAPPER.readTree(response.body());
                } catch (IOException e) {
                    throw unavailable.apply(provider + " answered something other than JSON", e);
                }
            }
            if (status == 429 && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
                rateLimitWaits++;
                pause.pause(Duration.ofSeconds(retryAfterSeconds(response)));
            } else if (status >= 500 && serverRetries < MAX_SERVER_ERROR_RETRIES) {
                pause.pause(Duration.ofMillis(500L << serverRetries++));
            } else {
                throw unavailable.apply(provider + " answered " + status + " for " + what, null);
            }
        }
    }

    private static long retryAfterSeconds(HttpResponse<String> response) {
        try {
            return Math.max(1, response.headers().firstValue("Retry-After").map(String::trim).map(Long::parseLong).orElse(1L));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

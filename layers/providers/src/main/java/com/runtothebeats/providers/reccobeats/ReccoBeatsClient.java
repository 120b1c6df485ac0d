package com.runtothebeats.providers.reccobeats;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tempo, key and the other audio features of Spotify tracks from ReccoBeats ({@code GET /audio-features?ids=}),
 * now that Spotify serves none to apps like ours. ReccoBeats takes at most {@value #MAX_IDS_PER_CALL} ids a
 * call (it drops extras silently, so we never send more), leaves out tracks it does not know, and names the
 * Spotify track only inside {@code href}: results are matched back by that id, and the ids it did not
 * answer are reported as unknown rather than guessed. 429 is honoured with {@code Retry-After}; 5xx is retried
 * with backoff a bounded number of times.
 */
public final class ReccoBeatsClient {

    public static final int MAX_IDS_PER_CALL = 40;
    public static final URI DEFAULT_BASE = URI.create("https://api.reccobeats.com/v1");
    static final int MAX_RATE_LIMIT_WAITS = 5;
    static final int MAX_SERVER_ERROR_RETRIES = 3;
    private static final Pattern SPOTIFY_TRACK_HREF = Pattern.compile("/track/([0-9A-Za-z]{22})");

    private final HttpClient http;
    private final URI base;
    private final Pause pause;

    public ReccoBeatsClient(HttpClient http, URI base, Pause pause) {
        this.http = http;
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.pause = pause;
    }

    /**
     * Features of each id it knows, by Spotify id; the rest in {@link AudioFeatureLookup#unknown()}. The
     * features' {@code durationMs} is 0: the duration comes from Spotify's track metadata.
     */
    public AudioFeatureLookup audioFeatures(List<String> spotifyIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(spotifyIds));
        Map<String, AudioFeatures> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(from + MAX_IDS_PER_CALL, ids.size()));
            JsonNode content = fetch(batch).path("content");
            for (JsonNode entry : content) {
                spotifyIdOf(entry.path("href").asText("")).filter(batch::contains)
                        .ifPresent(id -> found.put(id, features(entry)));
            }
        }
        List<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        return new AudioFeatureLookup(found, unknown);
    }

    static Optional<String> spotifyIdOf(String href) {
        Matcher matcher = SPOTIFY_TRACK_HREF.matcher(href);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static AudioFeatures features(JsonNode entry) {
        return new AudioFeatures(entry.path("acousticness").asDouble(), entry.path("danceability").asDouble(),
                entry.path("energy").asDouble(), entry.path("instrumentalness").asDouble(), entry.path("liveness").asDouble(),
                entry.path("loudness").asDouble(), entry.path("speechiness").asDouble(), entry.path("valence").asDouble(),
                entry.path("key").asInt(-1), entry.path("mode").asInt(-1), entry.path("tempo").asDouble(), 0);
    }

    private JsonNode fetch(List<String> batch) {
        URI uri = URI.create(base + "/audio-features?ids=" + URLEncoder.encode(String.join(",", batch), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Accept", "application/json").GET().build();
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (serverRetries >= MAX_SERVER_ERROR_RETRIES) {
                    throw new ReccoBeatsUnavailableException("ReccoBeats could not be reached", e);
                }
                pause.pause(Duration.ofMillis(500L << serverRetries++));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReccoBeatsUnavailableException("interrupted while calling ReccoBeats", e);
            }
            int status = response.statusCode();
            if (status == 200) {
                try {
                    return Json.MAPPER.readTree(response.body());
                } catch (IOException e) {
                    throw new ReccoBeatsUnavailableException("ReccoBeats answered something other than JSON", e);
                }
            }
            if (status == 429 && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
                rateLimitWaits++;
                pause.pause(Duration.ofSeconds(retryAfterSeconds(response)));
            } else if (status >= 500 && serverRetries < MAX_SERVER_ERROR_RETRIES) {
                pause.pause(Duration.ofMillis(500L << serverRetries++));
            } else {
                throw new ReccoBeatsUnavailableException("ReccoBeats answered " + status + " for " + batch.size() + " ids", null);
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

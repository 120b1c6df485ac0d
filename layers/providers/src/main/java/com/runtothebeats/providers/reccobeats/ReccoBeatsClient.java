package com.runtothebeats.providers.reccobeats;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.library.BatchFeatureLookup;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.providers.http.RetryingJsonGet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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
public final class ReccoBeatsClient implements BatchFeatureLookup {

    public static final int MAX_IDS_PER_CALL = 40;
    public static final URI DEFAULT_BASE = URI.create("https://api.reccobeats.com/v1");
    private static final Pattern SPOTIFY_TRACK_HREF = Pattern.compile("/track/([0-9A-Za-z]{22})");

    private final RetryingJsonGet get;
    private final URI base;

    public ReccoBeatsClient(HttpClient http, URI base, Pause pause) {
        this.get = new RetryingJsonGet(http, pause, "ReccoBeats", ReccoBeatsUnavailableException::new);
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
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

    @Override
    public int maxBatch() {
        return MAX_IDS_PER_CALL;
    }

    @Override
    public Map<String, AudioFeatures> features(List<String> spotifyIds) {
        return audioFeatures(spotifyIds).found();
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
        return get.get(URI.create(base + "/audio-features?ids=" + URLEncoder.encode(String.join(",", batch), StandardCharsets.UTF_8)),
                batch.size() + " ids");
    }
}

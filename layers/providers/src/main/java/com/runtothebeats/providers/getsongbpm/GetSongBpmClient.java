package com.runtothebeats.providers.getsongbpm;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.library.SongSearch;
import com.runtothebeats.core.library.TrackListing;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.providers.http.RetryingJsonGet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tempo and key by title and artist from GetSongBPM ({@code GET /search/?api_key=…&type=both&lookup=song:<title>
 * artist:<artist>}), for tracks ReccoBeats does not know. The search is sent with the title cleaned of featured
 * artists and edition labels; among the songs it returns, only one whose title and artist match ours after
 * normalising ({@link SongTitles}) is taken, never simply the first. {@code tempo} comes as a string;
 * {@code {"search":{"error":"no result"}}} means nothing matched. 429 waits {@code Retry-After}; 5xx and broken
 * connections are retried with backoff, a bounded number of times. GetSongBPM's terms require a visible backlink
 * wherever its data is shown (the library card carries it).
 */
public final class GetSongBpmClient implements SongSearch {

    public static final URI DEFAULT_BASE = URI.create("https://api.getsong.co");
    private final RetryingJsonGet get;
    private final URI base;
    private final String apiKey;

    public GetSongBpmClient(HttpClient http, URI base, String apiKey, Pause pause) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("GetSongBPM needs an API key (GETSONGBPM_API_KEY)");
        }
        this.get = new RetryingJsonGet(http, pause, "GetSongBPM", GetSongBpmUnavailableException::new);
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.apiKey = apiKey;
    }

    @Override
    public Optional<AudioFeatures> find(TrackListing track) {
        String title = SongTitles.searchable(track.name());
        if (title.isBlank() || track.mainArtist().isBlank()) {
            return Optional.empty();
        }
        JsonNode search = fetch("song:" + title + " artist:" + track.mainArtist()).path("search");
        if (!search.isArray()) {
            return Optional.empty(); // {"error": "no result"}
        }
        String wanted = SongTitles.title(track.name());
        for (JsonNode song : search) {
            if (!wanted.equals(SongTitles.title(song.path("title").asText("")))
                    || track.artists().stream().noneMatch(a -> SongTitles.sameArtist(a, song.path("artist").path("name").asText("")))) {
                continue;
            }
            Optional<AudioFeatures> features = features(song);
            if (features.isPresent()) {
                return features;
            }
        }
        return Optional.empty();
    }

    /** Tempo (a string, "0" or empty when unknown) and key; empty unless both are usable. */
    static Optional<AudioFeatures> features(JsonNode song) {
        double tempo;
        try {
            tempo = Double.parseDouble(song.path("tempo").asText("").trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!(tempo > 0) || !Double.isFinite(tempo)) {
            return Optional.empty();
        }
        return SongKeyNames.parse(song.path("key_of").asText(null), song.path("open_key").asText(null))
                .map(key -> AudioFeatures.tempoAndKey(tempo, key.key(), key.mode(), 0));
    }

    private JsonNode fetch(String lookup) {
        return get.get(URI.create(base + "/search/?api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)
                + "&type=both&lookup=" + URLEncoder.encode(lookup, StandardCharsets.UTF_8)), "a song search");
    }
}

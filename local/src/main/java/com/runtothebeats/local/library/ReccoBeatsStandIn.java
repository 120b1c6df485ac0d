package com.runtothebeats.local.library;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.library.DatasetSongs.Song;
import com.runtothebeats.local.library.JsonStandInServer.Answer;
import com.runtothebeats.local.library.JsonStandInServer.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ReccoBeats' {@code GET /v1/audio-features?ids=} as reported (docs: external APIs): {@code {"content":[…]}} with
 * ReccoBeats' own id per entry and the Spotify id only inside {@code href}; at most {@value #MAX_IDS} ids are read
 * (extras dropped silently); ids it does not know are left out. It knows the songs of the public dataset, with the
 * features Spotify once gave them; other releases under other ids it does not know.
 */
public final class ReccoBeatsStandIn implements AutoCloseable {

    static final int MAX_IDS = 40;

    private final DatasetSongs songs;
    private final JsonStandInServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private ReccoBeatsStandIn(DatasetSongs songs, int port) {
        this.songs = songs;
        this.server = JsonStandInServer.start("reccobeats-stand-in", port, Map.of("/v1/audio-features", this::audioFeatures));
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static ReccoBeatsStandIn start(DatasetSongs songs, int port) {
        return new ReccoBeatsStandIn(songs, port);
    }

    /** What {@code RECCOBEATS_BASE_URL} should be (ReccoBeats' base includes {@code /v1}). */
    public URI baseUri() {
        return URI.create(server.baseUri() + "/v1");
    }

    /** How many audio-features calls were answered (the import benchmark reports it). */
    public int calls() {
        return calls.get();
    }

    private Answer audioFeatures(Request request) {
        String ids = request.query().getOrDefault("ids", "");
        if (!"GET".equals(request.method())) {
            return Answer.error(405, "Method not allowed");
        }
        if (ids.isBlank()) {
            return Answer.error(400, "ids is required");
        }
        calls.incrementAndGet();
        ObjectNode body = JsonStandInServer.JSON.createObjectNode();
        ArrayNode content = body.putArray("content");
        Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).limit(MAX_IDS)
                .forEach(id -> songs.byId(id).ifPresent(song -> content.add(features(song))));
        return Answer.ok(body);
    }

    private static ObjectNode features(Song song) {
        ObjectNode entry = JsonStandInServer.JSON.createObjectNode();
        entry.put("id", UUID.nameUUIDFromBytes(song.spotifyId().getBytes(StandardCharsets.UTF_8)).toString())
                .put("href", "https://open.spotify.com/track/" + song.spotifyId())
                .put("acousticness", song.acousticness()).put("danceability", song.danceability()).put("energy", song.energy())
                .put("instrumentalness", song.instrumentalness()).put("key", song.key()).put("liveness", song.liveness())
                .put("loudness", song.loudness()).put("mode", song.mode()).put("speechiness", song.speechiness())
                .put("tempo", song.tempo()).put("valence", song.valence());
        return entry;
    }

    @Override
    public void close() {
        server.close();
    }
}

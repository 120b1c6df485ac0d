package com.runtothebeats.functions.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.providers.spotify.SpotifyEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** WireMock as Spotify (Web API and accounts service) with the 2026 request and response shapes. */
final class SpotifyStandIn implements AutoCloseable {

    static final String PLAYLIST_ID = "3cEYpjA9oz9GiPac4AsH4n";

    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    SpotifyStandIn() {
        server.start();
    }

    SpotifyEndpoints endpoints() {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        return new SpotifyEndpoints(base, base);
    }

    /** {@code POST /v1/me/playlists} → 201 playlist object (the 2026 shape: {@code items} replaces {@code tracks}). */
    void playlistCreation() {
        server.stubFor(post(urlPathEqualTo("/v1/me/playlists")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + PLAYLIST_ID + "\",\"name\":\"x\",\"public\":false,\"collaborative\":false,"
                        + "\"external_urls\":{\"spotify\":\"https://open.spotify.com/playlist/" + PLAYLIST_ID + "\"},"
                        + "\"items\":{\"href\":\"https://api.spotify.com/v1/playlists/" + PLAYLIST_ID + "/items\",\"total\":0},"
                        + "\"snapshot_id\":\"AAAAAQ\",\"type\":\"playlist\",\"uri\":\"spotify:playlist:" + PLAYLIST_ID + "\"}")));
    }

    void itemAdditions() {
        server.stubFor(post(urlPathEqualTo("/v1/playlists/" + PLAYLIST_ID + "/items")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"snapshot_id\":\"AAAAAg\"}")));
    }

    void itemCount(int total) {
        server.stubFor(get(urlPathEqualTo("/v1/playlists/" + PLAYLIST_ID + "/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"href\":\"x\",\"items\":[],\"limit\":1,\"next\":null,\"offset\":0,\"previous\":null,\"total\":" + total + "}")));
    }

    /**
     * {@code GET /v1/me/playlists}: a first page holding {@link #PLAYLIST_ID} (owned by {@code owner}, with
     * {@code description}) then 49 older playlists of the same owner, and a last page of 20 more.
     */
    void currentUserPlaylists(String owner, String description) {
        StringBuilder first = new StringBuilder(listed(PLAYLIST_ID, description, owner));
        for (int i = 1; i < 50; i++) {
            first.append(',').append(listed(String.format("olderPlaylist%09d", i), "An older run " + i, owner));
        }
        StringBuilder last = new StringBuilder();
        for (int i = 50; i < 70; i++) {
            last.append(i > 50 ? "," : "").append(listed(String.format("olderPlaylist%09d", i), "An older run " + i, owner));
        }
        playlistsPage(0, first, "\"https://api.spotify.com/v1/me/playlists?offset=50&limit=50\"");
        playlistsPage(50, last, "null");
    }

    private void playlistsPage(int offset, CharSequence items, String next) {
        server.stubFor(get(urlPathEqualTo("/v1/me/playlists")).withQueryParam("offset", equalTo(Integer.toString(offset)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"href\":\"https://api.spotify.com/v1/me/playlists?offset=" + offset + "&limit=50\","
                                + "\"limit\":50,\"next\":" + next + ",\"offset\":" + offset + ",\"previous\":null,"
                                + "\"total\":70,\"items\":[" + items + "]}")));
    }

    private static String listed(String id, String description, String owner) {
        return "{\"collaborative\":false,\"description\":" + Json.MAPPER.valueToTree(description) + ","
                + "\"external_urls\":{\"spotify\":\"https://open.spotify.com/playlist/" + id + "\"},\"id\":\"" + id + "\","
                + "\"name\":\"Run\",\"owner\":{\"id\":\"" + owner + "\",\"type\":\"user\"},\"public\":false,"
                + "\"items\":{\"href\":\"https://api.spotify.com/v1/playlists/" + id + "/items\",\"total\":0},"
                + "\"type\":\"playlist\",\"uri\":\"spotify:playlist:" + id + "\"}";
    }

    void tokenRefresh(String newAccessToken) {
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + newAccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"playlist-modify-private playlist-modify-public user-read-private\"}")));
    }

    void tokenRefreshRefused() {
        server.stubFor(post(urlPathEqualTo("/api/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token revoked\"}")));
    }

    List<LoggedRequest> requests(String method, String path) {
        return inArrivalOrder().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(path))
                .toList();
    }

    List<LoggedRequest> itemCalls() {
        return requests("POST", "/v1/playlists/" + PLAYLIST_ID + "/items");
    }

    /** The playlist as Spotify would hold it after the successful (201) item calls, in arrival order. */
    List<String> playlistContents() {
        List<String> contents = new ArrayList<>();
        inArrivalOrder().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")
                        && e.getRequest().getUrl().startsWith("/v1/playlists/" + PLAYLIST_ID + "/items")
                        && e.getResponse().getStatus() == 201)
                .forEach(e -> {
                    JsonNode body = json(e.getRequest().getBodyAsString());
                    int position = body.path("position").asInt(contents.size());
                    List<String> uris = new ArrayList<>();
                    body.path("uris").forEach(u -> uris.add(u.asText()));
                    contents.addAll(position, uris);
                });
        return contents;
    }

    /** WireMock lists serve events newest first. */
    private List<ServeEvent> inArrivalOrder() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

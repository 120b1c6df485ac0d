package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/me/playlists?limit=&offset=} → a page of the current user's playlists (owned and followed,
 * newly created first): what a resumed publish searches for the playlist an interrupted create made.
 */
public final class CurrentUserPlaylistsRequest extends AbstractDataRequest<CurrentUserPlaylistsRequest.Page> {

    public static final int MAX_LIMIT = 50;

    /** One listed playlist: only what finding and adopting it needs. */
    public record ListedPlaylist(String id, String name, String description, String url, String ownerId) {
    }

    /** @param hasNext Spotify named a {@code next} page */
    public record Page(List<ListedPlaylist> playlists, boolean hasNext) {
    }

    private CurrentUserPlaylistsRequest(Builder builder) {
        super(builder);
    }

    @Override
    public Page execute() throws IOException, SpotifyWebApiException, ParseException {
        JsonNode page = Json.MAPPER.readTree(getJson());
        if (!page.path("items").isArray()) {
            throw new SpotifyWebApiException("Spotify's playlists page has no items");
        }
        List<ListedPlaylist> playlists = new ArrayList<>();
        for (JsonNode playlist : page.path("items")) {
            String id = playlist.path("id").asText(null);
            if (id == null || id.isBlank()) {
                continue; // Spotify sometimes lists null entries
            }
            playlists.add(new ListedPlaylist(id, playlist.path("name").asText(""), playlist.path("description").asText(""),
                    playlist.path("external_urls").path("spotify").asText("https://open.spotify.com/playlist/" + id),
                    playlist.path("owner").path("id").asText(null)));
        }
        JsonNode next = page.path("next");
        return new Page(playlists, next.isTextual() && !next.asText().isBlank());
    }

    public static final class Builder extends AbstractDataRequest.Builder<Page, Builder> {

        public Builder(String accessToken) {
            super(accessToken);
        }

        public Builder page(int offset, int limit) {
            setQueryParameter("offset", offset);
            return setQueryParameter("limit", Math.min(limit, MAX_LIMIT));
        }

        @Override
        public CurrentUserPlaylistsRequest build() {
            setPath("/v1/me/playlists");
            return new CurrentUserPlaylistsRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

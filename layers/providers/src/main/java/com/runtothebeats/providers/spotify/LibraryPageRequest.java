package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * One page of a paged library listing, as JSON: {@code GET /v1/me/tracks}, {@code GET /v1/me/playlists} or
 * {@code GET /v1/playlists/{playlist_id}/items} (2026 paths) with {@code limit} and {@code offset}.
 */
final class LibraryPageRequest extends AbstractDataRequest<JsonNode> {

    static final String LIKED_SONGS = "/v1/me/tracks";
    static final String PLAYLISTS = "/v1/me/playlists";
    static final String PLAYLIST_ITEMS = "/v1/playlists/{playlist_id}/items";

    private LibraryPageRequest(Builder builder) {
        super(builder);
    }

    @Override
    public JsonNode execute() throws IOException, SpotifyWebApiException, ParseException {
        return Json.MAPPER.readTree(getJson());
    }

    static final class Builder extends AbstractDataRequest.Builder<JsonNode, Builder> {

        private final String path;
        private final String playlistId;

        /** @param playlistId for {@link #PLAYLIST_ITEMS}; null otherwise */
        Builder(String accessToken, String path, String playlistId) {
            super(accessToken);
            this.path = path;
            this.playlistId = playlistId;
        }

        Builder page(int offset, int limit) {
            setQueryParameter("offset", offset);
            return setQueryParameter("limit", limit);
        }

        @Override
        public LibraryPageRequest build() {
            if (playlistId != null) {
                setPathParameter("playlist_id", playlistId);
            }
            setPath(path);
            return new LibraryPageRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

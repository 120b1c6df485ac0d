package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/playlists/{playlist_id}/items?limit=&offset=} → a paging object whose entries carry the
 * track under {@code item} (2026; {@code track} before). Returned as JSON for {@link SpotifyPlaylistReader}.
 */
public final class PlaylistItemsPageRequest extends AbstractDataRequest<JsonNode> {

    public static final int MAX_LIMIT = 50;

    private PlaylistItemsPageRequest(Builder builder) {
        super(builder);
    }

    @Override
    public JsonNode execute() throws IOException, SpotifyWebApiException, ParseException {
        return Json.MAPPER.readTree(getJson());
    }

    public static final class Builder extends AbstractDataRequest.Builder<JsonNode, Builder> {

        private final String playlistId;

        public Builder(String accessToken, String playlistId) {
            super(accessToken);
            this.playlistId = playlistId;
        }

        public Builder page(int offset, int limit) {
            setQueryParameter("offset", offset);
            return setQueryParameter("limit", Math.min(limit, MAX_LIMIT));
        }

        @Override
        public PlaylistItemsPageRequest build() {
            setPathParameter("playlist_id", playlistId);
            setPath("/v1/playlists/{playlist_id}/items");
            return new PlaylistItemsPageRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

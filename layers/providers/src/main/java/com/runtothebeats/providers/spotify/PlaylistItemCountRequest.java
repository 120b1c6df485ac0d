package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/playlists/{playlist_id}/items?limit=1} → the page's {@code total}: how many items the
 * playlist holds. A resumed publish asks this to learn whether its last add landed before it was stopped.
 */
public final class PlaylistItemCountRequest extends AbstractDataRequest<Integer> {

    private PlaylistItemCountRequest(Builder builder) {
        super(builder);
    }

    @Override
    public Integer execute() throws IOException, SpotifyWebApiException, ParseException {
        JsonNode page = Json.MAPPER.readTree(getJson());
        if (!page.path("total").isNumber()) {
            throw new SpotifyWebApiException("Spotify's playlist items page has no total");
        }
        return page.path("total").asInt();
    }

    public static final class Builder extends AbstractDataRequest.Builder<Integer, Builder> {

        private final String playlistId;

        public Builder(String accessToken, String playlistId) {
            super(accessToken);
            this.playlistId = playlistId;
        }

        @Override
        public PlaylistItemCountRequest build() {
            setQueryParameter("limit", 1);
            setPathParameter("playlist_id", playlistId);
            setPath("/v1/playlists/{playlist_id}/items");
            return new PlaylistItemCountRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

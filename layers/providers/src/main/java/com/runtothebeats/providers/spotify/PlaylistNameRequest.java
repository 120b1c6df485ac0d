package com.runtothebeats.providers.spotify;

import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/** {@code GET /v1/playlists/{playlist_id}?fields=name} → the playlist's name. */
public final class PlaylistNameRequest extends AbstractDataRequest<String> {

    private PlaylistNameRequest(Builder builder) {
        super(builder);
    }

    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        return Json.MAPPER.readTree(getJson()).path("name").asText("");
    }

    public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

        private final String playlistId;

        public Builder(String accessToken, String playlistId) {
            super(accessToken);
            this.playlistId = playlistId;
        }

        @Override
        public PlaylistNameRequest build() {
            setQueryParameter("fields", "name");
            setPathParameter("playlist_id", playlistId);
            setPath("/v1/playlists/{playlist_id}");
            return new PlaylistNameRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code POST /v1/me/playlists} {@code {"name","description","public","collaborative"}} → 201 playlist
 * object: the 2026 path (the library still calls the deprecated {@code /v1/users/{id}/playlists}).
 */
public final class CreatePlaylistRequest extends AbstractDataRequest<CreatedPlaylistResponse> {

    private CreatePlaylistRequest(Builder builder) {
        super(builder);
    }

    @Override
    public CreatedPlaylistResponse execute() throws IOException, SpotifyWebApiException, ParseException {
        JsonNode playlist = Json.MAPPER.readTree(postJson());
        String id = playlist.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new SpotifyWebApiException("Spotify created a playlist but did not say its id");
        }
        String url = playlist.path("external_urls").path("spotify").asText("https://open.spotify.com/playlist/" + id);
        return new CreatedPlaylistResponse(id, url);
    }

    public static final class Builder extends AbstractDataRequest.Builder<CreatedPlaylistResponse, Builder> {

        public Builder(String accessToken) {
            super(accessToken);
        }

        public Builder name(String name) {
            return setBodyParameter("name", name);
        }

        public Builder description(String description) {
            return setBodyParameter("description", description);
        }

        public Builder isPublic(boolean isPublic) {
            return setBodyParameter("public", isPublic);
        }

        public Builder collaborative(boolean collaborative) {
            return setBodyParameter("collaborative", collaborative);
        }

        @Override
        public CreatePlaylistRequest build() {
            setContentType(ContentType.APPLICATION_JSON);
            setPath("/v1/me/playlists");
            return new CreatePlaylistRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

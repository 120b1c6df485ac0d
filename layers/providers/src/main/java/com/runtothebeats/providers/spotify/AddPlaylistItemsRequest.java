package com.runtothebeats.providers.spotify;

import java.io.IOException;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code POST /v1/playlists/{playlist_id}/items} {@code {"uris":[…],"position":n}} → 201 {@code {"snapshot_id"}}:
 * the 2026 path ({@code /tracks} is deprecated and refused to development-mode apps). At most
 * {@value #MAX_URIS} URIs per call.
 */
public final class AddPlaylistItemsRequest extends AbstractDataRequest<String> {

    public static final int MAX_URIS = 100;

    private AddPlaylistItemsRequest(Builder builder) {
        super(builder);
    }

    /** The playlist's new snapshot id. */
    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        String json = postJson();
        return json == null ? null : com.runtothebeats.lambda.Json.MAPPER.readTree(json).path("snapshot_id").asText(null);
    }

    public static final class Builder extends AbstractDataRequest.Builder<String, Builder> {

        private final String playlistId;

        public Builder(String accessToken, String playlistId) {
            super(accessToken);
            this.playlistId = playlistId;
        }

        public Builder uris(List<String> uris) {
            if (uris.isEmpty() || uris.size() > MAX_URIS) {
                throw new IllegalArgumentException("between 1 and " + MAX_URIS + " URIs per call, got " + uris.size());
            }
            return setBodyParameter("uris", SpotifyJsonBody.array(uris));
        }

        public Builder position(int position) {
            return setBodyParameter("position", position);
        }

        @Override
        public AddPlaylistItemsRequest build() {
            setContentType(ContentType.APPLICATION_JSON);
            setPathParameter("playlist_id", playlistId);
            setPath("/v1/playlists/{playlist_id}/items");
            return new AddPlaylistItemsRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

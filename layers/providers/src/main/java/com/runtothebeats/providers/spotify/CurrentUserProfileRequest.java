package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

/**
 * {@code GET /v1/me} → the signed-in user with {@code account_id}, the stable key the library's {@code User}
 * model does not have (its {@code getCurrentUsersProfile()} drops unknown fields).
 */
public final class CurrentUserProfileRequest extends AbstractDataRequest<SpotifyUser> {

    private CurrentUserProfileRequest(Builder builder) {
        super(builder);
    }

    @Override
    public SpotifyUser execute() throws IOException, SpotifyWebApiException, ParseException {
        JsonNode user = Json.MAPPER.readTree(getJson());
        String id = text(user, "id");
        if (id == null) {
            throw new SpotifyWebApiException("Spotify's current user has no id");
        }
        return new SpotifyUser(id, text(user, "display_name"), text(user, "account_id"));
    }

    private static String text(JsonNode user, String field) {
        JsonNode value = user.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    public static final class Builder extends AbstractDataRequest.Builder<SpotifyUser, Builder> {

        public Builder(String accessToken) {
            super(accessToken);
        }

        @Override
        public CurrentUserProfileRequest build() {
            setPath("/v1/me");
            return new CurrentUserProfileRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

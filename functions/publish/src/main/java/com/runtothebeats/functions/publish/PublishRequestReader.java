package com.runtothebeats.functions.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code POST /api/playlists}: the {@code Idempotency-Key} header and the JSON body
 * {@code {name, description, public, trackIds}}. Anything wrong is refused naming the header or field.
 */
final class PublishRequestReader {

    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /** A publish as asked: the client's key for it (repeated on retries) and the playlist to create. */
    record PublishRequest(String idempotencyKey, PlaylistDraft draft) {
    }

    private PublishRequestReader() {
    }

    static PublishRequest read(HttpRequest request) {
        String key = request.header(IDEMPOTENCY_HEADER);
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, "The Idempotency-Key header is required (a client-chosen id, "
                    + "e.g. a UUID, repeated on retries of the same publish).");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, "Idempotency-Key must be 1-128 characters of letters, digits and _ . : -");
        }
        return new PublishRequest(key, draft(request.jsonObject("{\"name\": \"Tempo run\", \"trackIds\": [\"…\"]}")));
    }

    private static PlaylistDraft draft(JsonNode body) {
        JsonNode name = body.path("name");
        if (!name.isTextual()) {
            throw new InvalidInputException("name", "name is required and must be a string");
        }
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            throw new InvalidInputException("description", "description must be a string");
        }
        JsonNode isPublic = body.path("public");
        if (!isPublic.isMissingNode() && !isPublic.isBoolean()) {
            throw new InvalidInputException("public", "public must be true or false");
        }
        JsonNode trackIds = body.path("trackIds");
        if (!trackIds.isArray()) {
            throw new InvalidInputException("trackIds", "trackIds is required and must be an array of Spotify track ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < trackIds.size(); i++) {
            JsonNode id = trackIds.get(i);
            if (!id.isTextual()) {
                throw new InvalidInputException("trackIds[" + i + "]", "track ids are strings");
            }
            ids.add(id.asText());
        }
        return new PlaylistDraft(name.asText(), description.isTextual() ? description.asText() : "",
                isPublic.asBoolean(false), ids);
    }
}

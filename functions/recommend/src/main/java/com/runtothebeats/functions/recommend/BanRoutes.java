package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.BannedSongs;
import com.runtothebeats.core.playlist.BannedSongs.BannedSong;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.Json;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code GET /api/bans} lists the signed-in runner's banned songs, {@code POST /api/bans {"trackId"}} bans a
 * track's song (every version of it), {@code DELETE /api/bans?songKey=} undoes a ban.
 */
final class BanRoutes {

    private final RunnerBans bans;
    private final Clock clock;

    BanRoutes(RunnerBans bans, Clock clock) {
        this.bans = bans;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        String runner = bans.requireRunner(event);
        return HttpResponses.json(200, Map.of("bans", bans.store().list(runner)));
    }

    APIGatewayV2HTTPResponse ban(APIGatewayV2HTTPEvent event, String body, TempoIndex index) {
        String runner = bans.requireRunner(event);
        String trackId = trackId(body);
        OptionalInt found = index.indexOf(trackId);
        if (found.isEmpty()) {
            throw new InvalidInputException("trackId", "trackId: no track with id '" + trackId + "' in the catalog");
        }
        Track track = index.track(found.getAsInt());
        BannedSongs store = bans.store();
        SongKey key = track.songKey();
        if (store.list(runner).size() >= BannedSongs.MAX_PER_RUNNER && !store.songs(runner).contains(key)) {
            return HttpResponses.error(409, "too_many_bans", "You have banned " + BannedSongs.MAX_PER_RUNNER
                    + " songs, the most we keep: undo a few on the home page first.", "trackId");
        }
        BannedSong ban = new BannedSong(key.toString(), track.id(), track.name(), track.artist(), clock.instant());
        store.ban(runner, ban);
        return HttpResponses.json(201, ban);
    }

    APIGatewayV2HTTPResponse undo(APIGatewayV2HTTPEvent event) {
        String runner = bans.requireRunner(event);
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        String text = query.get("songKey");
        if (text == null || text.isBlank() || text.indexOf('|') < 0 || text.length() > 500) {
            throw new InvalidInputException("songKey", "songKey must be a banned song's key as GET /api/bans lists it ('title|artist')");
        }
        boolean removed = bans.store().unban(runner, SongKey.parse(text));
        return HttpResponses.json(200, Map.of("songKey", text, "removed", removed));
    }

    private static String trackId(String body) {
        JsonNode root;
        try {
            root = body == null ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the request body is not valid JSON");
        }
        JsonNode id = root == null || !root.isObject() ? null : root.get("trackId");
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 64) {
            throw new InvalidInputException("trackId", "trackId is required: the id of the track whose song you never want to hear");
        }
        return id.asText().trim();
    }
}

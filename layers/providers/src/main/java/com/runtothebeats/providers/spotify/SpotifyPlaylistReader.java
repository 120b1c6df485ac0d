package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.time.Pause;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.model_objects.credentials.ClientCredentials;

/**
 * Reads playlists for the catalog harvest with an app token (client-credentials grant, so it needs the
 * client secret): name and tracks in playlist order, paging through {@code /v1/playlists/{id}/items}.
 * Episodes and local files (no Spotify track id) are skipped. 429 waits {@code Retry-After}; 5xx retries with
 * backoff, both bounded.
 */
public final class SpotifyPlaylistReader {

    static final int MAX_RATE_LIMIT_WAITS = 5;
    static final int MAX_SERVER_ERROR_RETRIES = 3;

    private final SpotifyAppCredentials app;
    private final SpotifyHttpTransport transport;
    private final Clock clock;
    private final Pause pause;
    private String appToken;
    private Instant appTokenExpiresAt = Instant.MIN;

    public SpotifyPlaylistReader(SpotifyAppCredentials app, SpotifyHttpTransport transport, Clock clock, Pause pause) {
        if (!app.hasSecret()) {
            throw new IllegalStateException("harvesting Spotify playlists needs the client secret "
                    + "(SPOTIFY_CLIENT_SECRET or SPOTIFY_CLIENT_SECRET_PARAMETER) for an app token");
        }
        this.app = app;
        this.transport = transport;
        this.clock = clock;
        this.pause = pause;
    }

    public String playlistName(String playlistId) {
        return call(() -> new PlaylistNameRequest.Builder(token(), playlistId).setDefaults(transport, "https",
                SpotifyEndpoints.DEFAULT_API.getHost(), 443).build().execute());
    }

    public List<SpotifyTrack> tracks(String playlistId) {
        List<SpotifyTrack> tracks = new ArrayList<>();
        int offset = 0;
        while (true) {
            int from = offset;
            JsonNode page = call(() -> new PlaylistItemsPageRequest.Builder(token(), playlistId)
                    .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                    .page(from, PlaylistItemsPageRequest.MAX_LIMIT).build().execute());
            JsonNode items = page.path("items");
            for (JsonNode entry : items) {
                JsonNode track = entry.has("item") ? entry.path("item") : entry.path("track");
                String id = track.path("id").asText(null);
                if (id == null || !"track".equals(track.path("type").asText("track")) || track.path("is_local").asBoolean(false)) {
                    continue;
                }
                JsonNode album = track.path("album");
                tracks.add(new SpotifyTrack(id, track.path("name").asText(""), track.path("artists").path(0).path("name").asText(""),
                        track.path("popularity").asInt(0), album.path("id").asText(""), album.path("name").asText(""),
                        album.path("release_date").asText(""), track.path("duration_ms").asLong(0)));
            }
            offset += items.size();
            if (items.isEmpty() || page.path("next").isNull() || page.path("next").isMissingNode()) {
                return tracks;
            }
        }
    }

    private interface Call<T> {
        T execute() throws IOException, SpotifyWebApiException, ParseException;
    }

    private <T> T call(Call<T> call) {
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            try {
                return call.execute();
            } catch (TooManyRequestsException e) {
                if (rateLimitWaits++ >= MAX_RATE_LIMIT_WAITS) {
                    throw new SpotifyUnavailableException("Spotify kept rate-limiting the harvest", e);
                }
                pause.pause(Duration.ofSeconds(Math.max(1, e.getRetryAfter())));
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException | IOException e) {
                if (serverRetries >= MAX_SERVER_ERROR_RETRIES) {
                    throw new SpotifyUnavailableException("Spotify kept failing during the harvest", e);
                }
                pause.pause(Duration.ofMillis(500L << serverRetries++));
            } catch (SpotifyWebApiException | ParseException e) {
                throw new SpotifyUnavailableException("Spotify refused a harvest request: " + e.getMessage(), e);
            }
        }
    }

    private String token() throws IOException, SpotifyWebApiException, ParseException {
        if (appToken == null || !clock.instant().plusSeconds(60).isBefore(appTokenExpiresAt)) {
            ClientCredentials credentials = SpotifyApi.builder().setClientId(app.clientId()).setClientSecret(app.clientSecret())
                    .setHttpManager(transport).build().clientCredentials().build().execute();
            appToken = credentials.getAccessToken();
            appTokenExpiresAt = clock.instant().plusSeconds(credentials.getExpiresIn() != null ? credentials.getExpiresIn() : 3600);
        }
        return appToken;
    }
}

package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.library.LibraryScan;
import com.runtothebeats.core.library.MusicLibrary;
import com.runtothebeats.core.library.TrackListing;
import com.runtothebeats.core.time.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;

/**
 * The runner's library from Spotify (2026 paths): Liked Songs ({@code GET /v1/me/tracks}, pages of 50), then each
 * playlist they own or collaborate on ({@code GET /v1/me/playlists}, then {@code GET /v1/playlists/{id}/items},
 * pages of 100, tracks under {@code item}, the deprecated {@code track} accepted). Episodes, local files and
 * tracks Spotify marks unplayable are skipped and counted. A playlist Spotify refuses (403, 404) or answers with
 * metadata only (no {@code items}: development-mode apps get that for playlists the user does not own), and a
 * followed playlist that is not the runner's, is skipped and counted, never fatal. Calls go through
 * {@link SpotifyRunnerCalls}: 429 waits {@code Retry-After} (up to {@link #MAX_RETRY_AFTER}: the import runs in
 * the background), 401 refreshes the token once.
 */
public final class SpotifyLibraryReader implements MusicLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyLibraryReader.class);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    static final int LIKED_PAGE = 50;
    static final int PLAYLISTS_PAGE = 50;
    static final int ITEMS_PAGE = 100;

    private final SpotifyHttpTransport transport;
    private final SpotifyRunnerCalls calls;

    public SpotifyLibraryReader(SpotifyHttpTransport transport, ProviderLinkStore links, TokenRefresher tokens, Pause pause) {
        this.transport = transport;
        this.calls = new SpotifyRunnerCalls(links, tokens, pause, MAX_RETRY_AFTER, "import your library",
                SpotifyUnavailableException::new);
    }

    @Override
    public LibraryScan scan(String runnerId) {
        Map<String, TrackListing> tracks = new LinkedHashMap<>();
        int[] entriesSkipped = {0};
        pages(runnerId, "read your Liked Songs", LibraryPageRequest.LIKED_SONGS, null, LIKED_PAGE)
                .orElseThrow(() -> new SpotifyUnavailableException("Spotify refused to list your Liked Songs", null))
                .forEach(entry -> add(entry, tracks, entriesSkipped));
        String me = calls.call(runnerId, "say who you are", token -> new CurrentUserProfileRequest.Builder(token)
                .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443).build().execute()).id();
        List<JsonNode> playlists = pages(runnerId, "list your playlists", LibraryPageRequest.PLAYLISTS, null, PLAYLISTS_PAGE)
                .orElseThrow(() -> new SpotifyUnavailableException("Spotify refused to list your playlists", null));
        int read = 0;
        int skipped = 0;
        for (JsonNode playlist : playlists) {
            String id = playlist.path("id").asText("");
            if (id.isBlank()) {
                continue; // Spotify sometimes lists null entries
            }
            boolean yours = me != null && me.equals(playlist.path("owner").path("id").asText(null));
            if (!yours && !playlist.path("collaborative").asBoolean(false)) {
                skipped++;
                continue;
            }
            Optional<List<JsonNode>> items = pages(runnerId, "read playlist " + id, LibraryPageRequest.PLAYLIST_ITEMS, id, ITEMS_PAGE);
            if (items.isEmpty()) {
                LOG.info("playlist {} of runner {}: Spotify gave no items (refused, or metadata only); skipped", id, runnerId);
                skipped++;
                continue;
            }
            read++;
            items.get().forEach(entry -> add(entry, tracks, entriesSkipped));
        }
        return new LibraryScan(new ArrayList<>(tracks.values()), read, skipped, entriesSkipped[0]);
    }

    /**
     * Every entry of a paged listing, following {@code offset} until Spotify names no {@code next} page; empty
     * when Spotify refuses the listing (403, 404) or answers without an {@code items} array.
     */
    private Optional<List<JsonNode>> pages(String runnerId, String what, String path, String playlistId, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        int offset = 0;
        while (true) {
            int from = offset;
            Optional<JsonNode> page = calls.call(runnerId, what, token -> {
                try {
                    return Optional.of(new LibraryPageRequest.Builder(token, path, playlistId)
                            .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                            .page(from, limit).build().execute());
                } catch (ForbiddenException | NotFoundException e) {
                    return Optional.empty();
                }
            });
            if (page.isEmpty() || !page.get().path("items").isArray()) {
                return Optional.empty();
            }
            JsonNode items = page.get().path("items");
            items.forEach(entries::add);
            offset += items.size();
            JsonNode next = page.get().path("next");
            if (items.isEmpty() || !next.isTextual() || next.asText().isBlank()) {
                return Optional.of(entries);
            }
        }
    }

    /** Adds a playable Spotify track once (by id); counts what is not one. */
    private static void add(JsonNode entry, Map<String, TrackListing> tracks, int[] skipped) {
        JsonNode track = entry.hasNonNull("item") ? entry.path("item") : entry.path("track");
        String id = track.path("id").asText("");
        boolean playable = !id.isBlank() && "track".equals(track.path("type").asText("track"))
                && !entry.path("is_local").asBoolean(false) && !track.path("is_local").asBoolean(false)
                && track.path("is_playable").asBoolean(true);
        if (!playable) {
            skipped[0]++;
            return;
        }
        if (tracks.containsKey(id)) {
            return;
        }
        List<String> artists = new ArrayList<>();
        track.path("artists").forEach(artist -> {
            String name = artist.path("name").asText("");
            if (!name.isBlank()) {
                artists.add(name);
            }
        });
        tracks.put(id, new TrackListing(id, track.path("name").asText(""), artists, track.path("album").path("name").asText(""),
                track.path("duration_ms").asLong(0)));
    }
}

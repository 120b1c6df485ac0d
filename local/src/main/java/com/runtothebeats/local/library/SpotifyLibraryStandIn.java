package com.runtothebeats.local.library;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.library.DemoLibrary.Entry;
import com.runtothebeats.local.library.DemoLibrary.Kind;
import com.runtothebeats.local.library.DemoLibrary.Playlist;
import com.runtothebeats.local.library.DemoLibrary.Track;
import com.runtothebeats.local.library.JsonStandInServer.Answer;
import com.runtothebeats.local.library.JsonStandInServer.Request;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Spotify's Web API (2026) an import reads, serving one runner's library ({@link DemoLibrary}) to the one
 * access token it was started with (others get 401, as an expired token would):
 * <ul>
 *   <li>{@code GET /v1/me}: the runner;</li>
 *   <li>{@code GET /v1/me/tracks?limit=&offset=}: Liked Songs, newest first, {@code {"items":[{"added_at","track"}]}},
 *       limit 1–50 (default 20);</li>
 *   <li>{@code GET /v1/me/playlists?limit=&offset=}: the playlists they own or follow, limit 1–50 (default 20), each
 *       with {@code items: {href, total}} where {@code tracks} used to be;</li>
 *   <li>{@code GET /v1/playlists/{id}/items?limit=&offset=}: {@code {"items":[{"added_at","is_local","item"}]}}, limit
 *       1–100 (default 100); for someone else's playlist that is not collaborative the playlist's metadata without
 *       {@code items}, as development-mode apps get it.</li>
 * </ul>
 * Every page carries {@code href}, {@code limit}, {@code offset}, {@code total}, and {@code next}/{@code previous} as
 * URLs on this server (null at the ends). A limit out of range is 400, as Spotify answers it.
 */
public final class SpotifyLibraryStandIn implements AutoCloseable {

    private static final Pattern PLAYLIST_ITEMS = Pattern.compile("^/v1/playlists/([^/]+)/items/?$");

    private final DemoLibrary library;
    private final String accessToken;
    private final JsonStandInServer server;

    private SpotifyLibraryStandIn(DemoLibrary library, String accessToken, int port) {
        this.library = library;
        this.accessToken = accessToken;
        this.server = JsonStandInServer.start("spotify-stand-in", port, Map.of("/v1/", this::answer));
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static SpotifyLibraryStandIn start(DemoLibrary library, String accessToken, int port) {
        return new SpotifyLibraryStandIn(library, accessToken, port);
    }

    /** What {@code SPOTIFY_API_BASE_URL} should be. */
    public URI baseUri() {
        return server.baseUri();
    }

    private Answer answer(Request request) {
        if (!"GET".equals(request.method())) {
            return Answer.error(405, "Method not allowed");
        }
        if (!accessToken.equals(request.bearerToken())) {
            return Answer.error(401, request.bearerToken().isEmpty() ? "No token provided" : "Invalid access token");
        }
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1) : request.path();
        if (path.equals("/v1/me")) {
            ObjectNode me = JsonStandInServer.JSON.createObjectNode();
            me.put("id", library.userId()).put("display_name", library.displayName()).put("type", "user")
                    .put("uri", "spotify:user:" + library.userId()).put("href", base() + "/v1/users/" + library.userId());
            return Answer.ok(me);
        }
        if (path.equals("/v1/me/tracks")) {
            return page(request, library.likedSongs(), 50, 20, this::savedTrack);
        }
        if (path.equals("/v1/me/playlists")) {
            return page(request, library.playlists(), 50, 20, this::simplifiedPlaylist);
        }
        Matcher items = PLAYLIST_ITEMS.matcher(path);
        if (items.matches()) {
            Optional<Playlist> playlist = library.playlists().stream().filter(p -> p.id().equals(items.group(1))).findFirst();
            if (playlist.isEmpty()) {
                return Answer.error(404, "Resource not found");
            }
            if (!playlist.get().itemsVisible()) {
                return Answer.ok(simplifiedPlaylist(playlist.get())); // metadata only
            }
            return page(request, playlist.get().entries(), 100, 100, this::playlistItem);
        }
        return Answer.error(404, "Service not found");
    }

    private <T> Answer page(Request request, List<T> all, int maxLimit, int defaultLimit, Function<T, ObjectNode> render) {
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(request.query().getOrDefault("limit", String.valueOf(defaultLimit)));
            offset = Integer.parseInt(request.query().getOrDefault("offset", "0"));
        } catch (NumberFormatException e) {
            return Answer.error(400, "Invalid limit or offset");
        }
        if (limit < 1 || limit > maxLimit) {
            return Answer.error(400, "Invalid limit");
        }
        if (offset < 0) {
            return Answer.error(400, "Invalid offset");
        }
        String path = base() + request.path();
        ObjectNode page = JsonStandInServer.JSON.createObjectNode();
        page.put("href", path + "?offset=" + offset + "&limit=" + limit);
        ArrayNode items = page.putArray("items");
        all.stream().skip(offset).limit(limit).map(render).forEach(items::add);
        page.put("limit", limit);
        page.put("offset", offset);
        page.put("total", all.size());
        if (offset + limit < all.size()) {
            page.put("next", path + "?offset=" + (offset + limit) + "&limit=" + limit);
        } else {
            page.putNull("next");
        }
        if (offset > 0) {
            page.put("previous", path + "?offset=" + Math.max(0, offset - limit) + "&limit=" + limit);
        } else {
            page.putNull("previous");
        }
        return Answer.ok(page);
    }

    private ObjectNode savedTrack(Entry entry) {
        ObjectNode saved = JsonStandInServer.JSON.createObjectNode();
        saved.put("added_at", entry.addedAt().toString());
        saved.set("track", track(entry));
        return saved;
    }

    private ObjectNode playlistItem(Entry entry) {
        ObjectNode item = JsonStandInServer.JSON.createObjectNode();
        item.put("added_at", entry.addedAt().toString());
        item.putObject("added_by").put("id", library.userId()).put("type", "user");
        item.put("is_local", entry.kind() == Kind.LOCAL_FILE);
        item.set("item", entry.kind() == Kind.EPISODE ? episode(entry.track()) : track(entry));
        return item;
    }

    private ObjectNode track(Entry entry) {
        Track track = entry.track();
        boolean local = entry.kind() == Kind.LOCAL_FILE;
        ObjectNode node = JsonStandInServer.JSON.createObjectNode();
        ObjectNode album = node.putObject("album");
        album.put("album_type", "album").put("name", track.albumName()).put("release_date", track.releaseDate()).put("type", "album");
        if (local) {
            album.putNull("id");
        } else {
            album.put("id", track.albumId()).put("uri", "spotify:album:" + track.albumId());
        }
        ArrayNode artists = node.putArray("artists");
        for (String name : track.artists()) {
            ObjectNode artist = artists.addObject();
            if (local) {
                artist.putNull("id");
            } else {
                String id = DemoLibrary.spotifyId("artist:" + name);
                artist.put("id", id).put("uri", "spotify:artist:" + id);
            }
            artist.put("name", name).put("type", "artist");
        }
        node.put("duration_ms", track.durationMs()).put("explicit", false);
        if (local) {
            node.putNull("id");
            node.put("uri", "spotify:local:" + track.artists().get(0) + ":" + track.albumName() + ":" + track.name() + ":"
                    + track.durationMs() / 1000);
        } else {
            node.putObject("external_ids").put("isrc", isrc(track.id()));
            node.put("id", track.id()).put("uri", "spotify:track:" + track.id()).put("href", base() + "/v1/tracks/" + track.id());
        }
        node.put("is_local", local).put("is_playable", entry.kind() != Kind.UNPLAYABLE).put("name", track.name()).put("type", "track");
        return node;
    }

    private ObjectNode episode(Track track) {
        String id = DemoLibrary.spotifyId("episode:" + track.id());
        ObjectNode node = JsonStandInServer.JSON.createObjectNode();
        node.put("id", id).put("name", "Talking about " + track.name()).put("duration_ms", 45 * 60_000L).put("type", "episode")
                .put("uri", "spotify:episode:" + id).put("is_playable", true);
        node.putObject("show").put("id", DemoLibrary.spotifyId("show:" + track.artists().get(0))).put("name", "Running talk")
                .put("type", "show");
        return node;
    }

    private ObjectNode simplifiedPlaylist(Playlist playlist) {
        ObjectNode node = JsonStandInServer.JSON.createObjectNode();
        node.put("collaborative", playlist.collaborative()).put("description", "").put("href", base() + "/v1/playlists/" + playlist.id())
                .put("id", playlist.id()).put("name", playlist.name()).put("public", !playlist.collaborative())
                .put("snapshot_id", DemoLibrary.spotifyId("snapshot:" + playlist.id() + playlist.entries().size()))
                .put("type", "playlist").put("uri", "spotify:playlist:" + playlist.id());
        node.putArray("images");
        node.putObject("owner").put("id", playlist.ownerId()).put("display_name", playlist.ownerName()).put("type", "user")
                .put("uri", "spotify:user:" + playlist.ownerId());
        node.putObject("items").put("href", base() + "/v1/playlists/" + playlist.id() + "/items").put("total", playlist.entries().size());
        return node;
    }

    /** An ISRC-shaped code derived from the track id (Spotify keeps {@code external_ids.isrc}). */
    private static String isrc(String trackId) {
        String digits = String.format("%07d", Math.floorMod(trackId.hashCode(), 10_000_000));
        return "QZDMD26" + digits.substring(0, 5); // country, registrant, year, designation
    }

    private String base() {
        return server.baseUri().toString();
    }

    @Override
    public void close() {
        server.close();
    }
}

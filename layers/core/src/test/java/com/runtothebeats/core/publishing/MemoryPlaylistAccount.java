package com.runtothebeats.core.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A runner's playlist account in memory, behaving as Spotify's does for us: newest playlists listed first,
 * items inserted at a position, and {@link #findByMarker} looking only at the newest
 * {@link #MARKER_SEARCH_LIMIT}. Counts the calls so tests can say what was asked, and can kill the calling
 * worker just before or just after a create lands.
 */
final class MemoryPlaylistAccount implements PlaylistDestination {

    static final class Playlist {
        final String id;
        final String runnerId;
        final String name;
        final String description;
        final List<String> uris = new ArrayList<>();

        Playlist(String id, String runnerId, String name, String description) {
            this.id = id;
            this.runnerId = runnerId;
            this.name = name;
            this.description = description;
        }
    }

    /** Stands for the worker dying (a Lambda timeout, a crash): an Error nothing in the publisher handles. */
    static final class Killed extends Error {
    }

    /** Where the worker calling this account dies, if anywhere. */
    enum Death { NONE, BEFORE_CREATE_LANDS, AFTER_CREATE_LANDS }

    /** Newest first, as Spotify lists a user's playlists. */
    final List<Playlist> playlists = new ArrayList<>();
    Death death = Death.NONE;
    int creates;
    int lookups;
    int addCalls;

    @Override
    public CreatedPlaylist create(String runnerId, PlaylistDraft draft, PlaylistMarker marker) {
        if (death == Death.BEFORE_CREATE_LANDS) {
            throw new Killed();
        }
        creates++;
        Playlist playlist = new Playlist("playlist-" + (playlists.size() + 1), runnerId, draft.name(),
                marker.describe(draft.description()));
        playlists.add(0, playlist);
        if (death == Death.AFTER_CREATE_LANDS) {
            throw new Killed();
        }
        return new CreatedPlaylist(playlist.id, url(playlist.id));
    }

    @Override
    public Optional<CreatedPlaylist> findByMarker(String runnerId, PlaylistMarker marker) {
        lookups++;
        return playlists.stream().filter(p -> p.runnerId.equals(runnerId)).limit(MARKER_SEARCH_LIMIT)
                .filter(p -> marker.isIn(p.description)).findFirst()
                .map(p -> new CreatedPlaylist(p.id, url(p.id)));
    }

    @Override
    public void addItems(String runnerId, String playlistId, List<String> uris, int position) {
        addCalls++;
        playlist(playlistId).uris.addAll(position, uris);
    }

    @Override
    public int itemCount(String runnerId, String playlistId) {
        return playlist(playlistId).uris.size();
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    /** Playlists the runner saw made by someone else, or by themselves, before the publish. */
    void madeElsewhere(String runnerId, String name, String description) {
        playlists.add(0, new Playlist("other-" + (playlists.size() + 1), runnerId, name, description));
    }

    Playlist playlist(String playlistId) {
        return playlists.stream().filter(p -> p.id.equals(playlistId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no playlist " + playlistId));
    }

    private static String url(String id) {
        return "memory://playlists/" + id;
    }
}

package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.publishing.DestinationUnavailableException;
import com.runtothebeats.core.publishing.PlaylistDestination;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistMarker;
import com.runtothebeats.core.time.Pause;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;

/**
 * The runner's Spotify account as a {@link PlaylistDestination}, through the 2026 playlist paths. Every call
 * goes through {@link SpotifyRunnerCalls} (the runner's token, 429/5xx/401 policy, reconnect when the grant is dead),
 * waiting at most {@link #MAX_RETRY_AFTER} on a rate limit because a runner is waiting for the answer.
 * Created playlists carry their publish's {@link PlaylistMarker} in the description, which
 * {@link #findByMarker} looks for when a create may have landed without its id being recorded.
 */
public final class SpotifyPlaylists implements PlaylistDestination {

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyPlaylists.class);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /** The scope without which {@code GET /v1/me/playlists} leaves private playlists out. */
    static final String READ_PRIVATE_PLAYLISTS = "playlist-read-private";

    private final SpotifyHttpTransport transport;
    private final ProviderLinkStore links;
    private final SpotifyRunnerCalls calls;

    public SpotifyPlaylists(SpotifyHttpTransport transport, ProviderLinkStore links, TokenRefresher tokens, Pause pause) {
        this.transport = transport;
        this.links = links;
        this.calls = new SpotifyRunnerCalls(links, tokens, pause, MAX_RETRY_AFTER, "publish playlists",
                DestinationUnavailableException::new);
    }

    /**
     * A create that failed ambiguously (5xx, timeout, broken connection) may still have made the playlist, so
     * before sending it again we look for the marked playlist among the runner's newest and keep it if it is there.
     * A refused one (401, 429) made nothing and is simply sent again.
     */
    @Override
    public CreatedPlaylist create(String runnerId, PlaylistDraft draft, PlaylistMarker marker) {
        AtomicBoolean mayHaveLanded = new AtomicBoolean();
        return call(runnerId, "create playlist", token -> {
            if (mayHaveLanded.get()) {
                Optional<CreatedPlaylist> landed = marked(listPage(token, 0), spotifyUserId(runnerId), marker);
                if (landed.isPresent()) {
                    LOG.info("the interrupted create of runner {} had made its playlist: keeping it", runnerId);
                    return landed.get();
                }
            }
            try {
                CreatedPlaylistResponse created = new CreatePlaylistRequest.Builder(token)
                        .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                        .name(draft.name())
                        .description(marker.describe(draft.description()))
                        .isPublic(draft.isPublic())
                        .collaborative(false)
                        .build()
                        .execute();
                return new CreatedPlaylist(created.id(), created.url());
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException | IOException e) {
                mayHaveLanded.set(true);
                throw e;
            }
        });
    }

    /**
     * Pages through {@code GET /v1/me/playlists} (newest first, {@link CurrentUserPlaylistsRequest#MAX_LIMIT} a
     * page) up to {@link #MARKER_SEARCH_LIMIT} playlists, for one the runner owns whose description carries the
     * marker. Followed playlists are skipped: we could not add items to them.
     */
    @Override
    public Optional<CreatedPlaylist> findByMarker(String runnerId, PlaylistMarker marker) {
        String spotifyUserId = spotifyUserId(runnerId);
        for (int offset = 0; offset < MARKER_SEARCH_LIMIT; offset += CurrentUserPlaylistsRequest.MAX_LIMIT) {
            int pageOffset = offset;
            CurrentUserPlaylistsRequest.Page page = call(runnerId, "list playlists", token -> listPage(token, pageOffset));
            Optional<CreatedPlaylist> found = marked(page, spotifyUserId, marker);
            if (found.isPresent() || !page.hasNext()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private CurrentUserPlaylistsRequest.Page listPage(String token, int offset)
            throws IOException, SpotifyWebApiException, ParseException {
        return new CurrentUserPlaylistsRequest.Builder(token)
                .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                .page(offset, CurrentUserPlaylistsRequest.MAX_LIMIT)
                .build()
                .execute();
    }

    private static Optional<CreatedPlaylist> marked(CurrentUserPlaylistsRequest.Page page, String spotifyUserId,
                                                    PlaylistMarker marker) {
        return page.playlists().stream()
                .filter(p -> marker.isIn(p.description()))
                .filter(p -> spotifyUserId == null || spotifyUserId.equals(p.ownerId()))
                .findFirst()
                .map(p -> new CreatedPlaylist(p.id(), p.url()));
    }

    /**
     * The runner's Spotify user id (a listed playlist's {@code owner.id}, never the {@code account_id} the link is
     * keyed by), warning when private playlists are hidden from us. Links made before {@code account_id} keying
     * have no profile id: their external user id is that Spotify id.
     */
    private String spotifyUserId(String runnerId) {
        Optional<ProviderLink> link = links.find(runnerId, Provider.SPOTIFY);
        if (link.map(ProviderLink::scopes).filter(scopes -> !scopes.contains(READ_PRIVATE_PLAYLISTS)).isPresent()) {
            LOG.warn("Spotify link of runner {} lacks {}: Spotify lists only its public playlists", runnerId,
                    READ_PRIVATE_PLAYLISTS);
        }
        return link.map(l -> l.profileId() != null ? l.profileId() : l.externalUserId()).orElse(null);
    }

    @Override
    public void addItems(String runnerId, String playlistId, List<String> uris, int position) {
        call(runnerId, "add items", token -> new AddPlaylistItemsRequest.Builder(token, playlistId)
                .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                .uris(uris)
                .position(position)
                .build()
                .execute());
    }

    @Override
    public int itemCount(String runnerId, String playlistId) {
        return call(runnerId, "count items", token -> new PlaylistItemCountRequest.Builder(token, playlistId)
                .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                .build()
                .execute());
    }

    @Override
    public boolean dryRun() {
        return false;
    }

    private <T> T call(String runnerId, String what, SpotifyRunnerCalls.SpotifyCall<T> call) {
        return calls.call(runnerId, what, call);
    }
}

package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.ReconnectRequiredException;
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
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;

/**
 * The runner's Spotify account as a {@link PlaylistDestination}, through the 2026 playlist paths. Every call
 * runs with the runner's access token (refreshed ahead of expiry by the shared {@link TokenRefresher}) and a
 * retry policy: 429 → wait {@code Retry-After} and try again (a bounded number of times); 5xx → bounded retries
 * with exponential backoff; 401 → refresh once and try again; a dead refresh token → the link is marked
 * {@link LinkStatus#RECONNECT_REQUIRED} and {@link ReconnectRequiredException} tells the runner to reconnect.
 * Created playlists carry their publish's {@link PlaylistMarker} in the description, which
 * {@link #findByMarker} looks for when a create may have landed without its id being recorded.
 */
public final class SpotifyPlaylists implements PlaylistDestination {

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyPlaylists.class);
    static final int MAX_RATE_LIMIT_WAITS = 5;
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    static final int MAX_SERVER_ERROR_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** The scope without which {@code GET /v1/me/playlists} leaves private playlists out. */
    static final String READ_PRIVATE_PLAYLISTS = "playlist-read-private";

    private final SpotifyHttpTransport transport;
    private final ProviderLinkStore links;
    private final TokenRefresher tokens;
    private final Pause pause;

    public SpotifyPlaylists(SpotifyHttpTransport transport, ProviderLinkStore links, TokenRefresher tokens, Pause pause) {
        this.transport = transport;
        this.links = links;
        this.tokens = tokens;
        this.pause = pause;
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

    private interface SpotifyCall<T> {
        T execute(String accessToken) throws IOException, SpotifyWebApiException, ParseException;
    }

    private <T> T call(String runnerId, String what, SpotifyCall<T> call) {
        ProviderLink link = usableLink(runnerId);
        boolean refreshedAfterRejection = false;
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            try {
                return call.execute(link.accessToken());
            } catch (UnauthorizedException e) {
                if (refreshedAfterRejection) {
                    markReconnectRequired(link);
                    throw reconnect();
                }
                refreshedAfterRejection = true;
                link = refreshAfterRejection(link);
            } catch (TooManyRequestsException e) {
                Duration wait = Duration.ofSeconds(Math.max(1, e.getRetryAfter()));
                if (rateLimitWaits >= MAX_RATE_LIMIT_WAITS || wait.compareTo(MAX_RETRY_AFTER) > 0) {
                    throw new DestinationUnavailableException("Spotify is rate-limiting us; try again in " + wait.toSeconds() + " s", e);
                }
                rateLimitWaits++;
                LOG.info("Spotify rate limit on {}: waiting {} s as Retry-After asks", what, wait.toSeconds());
                pause.pause(wait);
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException | IOException e) {
                if (serverRetries >= MAX_SERVER_ERROR_RETRIES) {
                    throw new DestinationUnavailableException("Spotify kept failing to " + what, e);
                }
                Duration backoff = FIRST_BACKOFF.multipliedBy(1L << serverRetries);
                serverRetries++;
                LOG.info("Spotify failed to {} ({}): retry {} after {} ms", what, e.getClass().getSimpleName(),
                        serverRetries, backoff.toMillis());
                pause.pause(backoff);
            } catch (SpotifyWebApiException | ParseException e) {
                throw new DestinationUnavailableException("Spotify refused to " + what + ": " + e.getMessage(), e);
            }
        }
    }

    private ProviderLink usableLink(String runnerId) {
        ProviderLink link = links.find(runnerId, Provider.SPOTIFY)
                .orElseThrow(() -> new LinkNotConnectedException("spotify is not connected"));
        if (link.status() == LinkStatus.RECONNECT_REQUIRED) {
            throw reconnect();
        }
        try {
            return tokens.withValidAccessToken(link);
        } catch (ConsentRevokedException e) {
            throw reconnect();
        }
    }

    private ProviderLink refreshAfterRejection(ProviderLink link) {
        try {
            return tokens.afterRejectedAccessToken(link);
        } catch (ConsentRevokedException e) {
            throw reconnect();
        }
    }

    private void markReconnectRequired(ProviderLink link) {
        links.replaceIfVersion(link.withStatus(LinkStatus.RECONNECT_REQUIRED), link.version());
    }

    private static ReconnectRequiredException reconnect() {
        return new ReconnectRequiredException(Provider.SPOTIFY,
                "Spotify access has expired or was revoked: reconnect Spotify to publish playlists.");
    }
}

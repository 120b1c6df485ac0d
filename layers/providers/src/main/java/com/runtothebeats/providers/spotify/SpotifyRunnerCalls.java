package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.ReconnectRequiredException;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.time.Pause;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BiFunction;
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
 * Calls to Spotify as one runner, with the retry policy publishing and library import share: the runner's
 * access token (refreshed ahead of expiry by the shared {@link TokenRefresher}); 429 → wait {@code Retry-After}
 * and try again, a bounded number of times and never longer than {@code maxRetryAfter} a wait; 5xx and broken
 * connections → bounded retries with exponential backoff; 401 → refresh once and try again; a dead refresh token
 * → the link is marked {@link LinkStatus#RECONNECT_REQUIRED} and {@link ReconnectRequiredException} says so.
 */
final class SpotifyRunnerCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyRunnerCalls.class);
    static final int MAX_RATE_LIMIT_WAITS = 5;
    static final int MAX_SERVER_ERROR_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /** One request made with an access token; throws what spotify-web-api-java throws. */
    interface SpotifyCall<T> {
        T execute(String accessToken) throws IOException, SpotifyWebApiException, ParseException;
    }

    private final ProviderLinkStore links;
    private final TokenRefresher tokens;
    private final Pause pause;
    private final Duration maxRetryAfter;
    private final String purpose;
    private final BiFunction<String, Throwable, RuntimeException> unavailable;

    /**
     * @param purpose     what the runner reconnects for, in the message ("publish playlists")
     * @param unavailable the caller's exception for "Spotify kept failing or refused", from a message and cause
     */
    SpotifyRunnerCalls(ProviderLinkStore links, TokenRefresher tokens, Pause pause, Duration maxRetryAfter, String purpose,
                       BiFunction<String, Throwable, RuntimeException> unavailable) {
        this.links = links;
        this.tokens = tokens;
        this.pause = pause;
        this.maxRetryAfter = maxRetryAfter;
        this.purpose = purpose;
        this.unavailable = unavailable;
    }

    ProviderLink link(String runnerId) {
        ProviderLink link = links.find(runnerId, Provider.SPOTIFY)
                .orElseThrow(() -> new LinkNotConnectedException("spotify is not connected"));
        if (link.status() == LinkStatus.RECONNECT_REQUIRED) {
            throw reconnect();
        }
        return link;
    }

    <T> T call(String runnerId, String what, SpotifyCall<T> call) {
        ProviderLink link = usable(link(runnerId));
        boolean refreshedAfterRejection = false;
        int rateLimitWaits = 0;
        int serverRetries = 0;
        while (true) {
            try {
                return call.execute(link.accessToken());
            } catch (UnauthorizedException e) {
                if (refreshedAfterRejection) {
                    links.replaceIfVersion(link.withStatus(LinkStatus.RECONNECT_REQUIRED), link.version());
                    throw reconnect();
                }
                refreshedAfterRejection = true;
                link = refreshAfterRejection(link);
            } catch (TooManyRequestsException e) {
                Duration wait = Duration.ofSeconds(Math.max(1, e.getRetryAfter()));
                if (rateLimitWaits >= MAX_RATE_LIMIT_WAITS || wait.compareTo(maxRetryAfter) > 0) {
                    throw unavailable.apply("Spotify is rate-limiting us; try again in " + wait.toSeconds() + " s", e);
                }
                rateLimitWaits++;
                LOG.info("Spotify rate limit on {}: waiting {} s as Retry-After asks", what, wait.toSeconds());
                pause.pause(wait);
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException | IOException e) {
                if (serverRetries >= MAX_SERVER_ERROR_RETRIES) {
                    throw unavailable.apply("Spotify kept failing to " + what, e);
                }
                Duration backoff = FIRST_BACKOFF.multipliedBy(1L << serverRetries);
                serverRetries++;
                LOG.info("Spotify failed to {} ({}): retry {} after {} ms", what, e.getClass().getSimpleName(),
                        serverRetries, backoff.toMillis());
                pause.pause(backoff);
            } catch (SpotifyWebApiException | ParseException e) {
                throw unavailable.apply("Spotify refused to " + what + ": " + e.getMessage(), e);
            }
        }
    }

    private ProviderLink usable(ProviderLink link) {
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

    ReconnectRequiredException reconnect() {
        return new ReconnectRequiredException(Provider.SPOTIFY,
                "Spotify access has expired or was revoked: reconnect Spotify to " + purpose + ".");
    }
}

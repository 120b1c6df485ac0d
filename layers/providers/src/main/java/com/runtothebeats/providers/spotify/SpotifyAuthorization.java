package com.runtothebeats.providers.spotify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;

/**
 * Spotify's accounts service through spotify-web-api-java: the authorize URL (PKCE S256), the code
 * exchange, token refresh and {@code GET /v1/me}.
 */
public final class SpotifyAuthorization {

    /**
     * What we ask for: create and fill playlists, know who the runner is, list their private playlists (a resumed
     * publish looks for the one an interrupted create made: {@link SpotifyPlaylists#findByMarker}), and read their
     * library for import: Liked Songs and the playlists they own or collaborate on ({@link SpotifyLibraryReader}).
     */
    public static final String SCOPES = "playlist-modify-private playlist-modify-public playlist-read-private "
            + "playlist-read-collaborative user-library-read user-read-private";

    private final SpotifyAppCredentials app;
    private final SpotifyHttpTransport transport;
    private final Clock clock;

    public SpotifyAuthorization(SpotifyAppCredentials app, SpotifyHttpTransport transport, Clock clock) {
        this.app = app;
        this.transport = transport;
        this.clock = clock;
    }

    public URI authorizationUrl(String state, String codeChallenge) {
        if (app.redirectUri() == null) {
            throw new IllegalStateException("SPOTIFY_REDIRECT_URI is not set: signing in needs the registered redirect URI");
        }
        URI uri = api(null).authorizationCodePKCEUri(codeChallenge)
                .code_challenge_method("S256")
                .state(state)
                .scope(SCOPES)
                .build()
                .execute();
        return transport.endpoints().rewrite(uri);
    }

    public SpotifyTokens exchange(String code, String codeVerifier) {
        var request = api(null).authorizationCodePKCE(code, codeVerifier);
        if (app.hasSecret()) {
            request.setHeader("Authorization", basic());
        }
        return tokens(() -> request.build().execute());
    }

    /** A fresh access token; {@link SpotifyConsentExpiredException} when the refresh token is dead. */
    public SpotifyTokens refresh(String refreshToken) {
        var request = api(null).authorizationCodePKCERefresh(app.clientId(), refreshToken);
        if (app.hasSecret()) {
            request.setHeader("Authorization", basic());
        }
        return tokens(() -> request.build().execute());
    }

    /**
     * {@code GET /v1/me} with {@code account_id} ({@link CurrentUserProfileRequest}); {@link UnauthorizedException}
     * surfaces as {@link SpotifyUnavailableException}.
     */
    public SpotifyUser currentUser(String accessToken) {
        try {
            return new CurrentUserProfileRequest.Builder(accessToken)
                    .setDefaults(transport, "https", SpotifyEndpoints.DEFAULT_API.getHost(), 443)
                    .build()
                    .execute();
        } catch (ForbiddenException e) {
            throw notAllowed(e);
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw new SpotifyUnavailableException("Spotify did not say who the user is (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private interface TokenCall {
        AuthorizationCodeCredentials execute() throws IOException, SpotifyWebApiException, ParseException;
    }

    private SpotifyTokens tokens(TokenCall call) {
        AuthorizationCodeCredentials credentials;
        try {
            credentials = call.execute();
        } catch (BadRequestException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("invalid_grant")) {
                throw new SpotifyConsentExpiredException("Spotify refused the grant (invalid_grant)");
            }
            throw new SpotifyUnavailableException("Spotify refused the token request: " + message, e);
        } catch (ForbiddenException e) {
            throw notAllowed(e);
        } catch (IOException | SpotifyWebApiException | ParseException e) {
            throw new SpotifyUnavailableException("Spotify's token endpoint failed (" + e.getClass().getSimpleName() + ")", e);
        }
        int expiresIn = credentials.getExpiresIn() != null ? credentials.getExpiresIn() : 3600;
        return new SpotifyTokens(credentials.getAccessToken(), clock.instant().plusSeconds(expiresIn),
                credentials.getRefreshToken(), credentials.getScope());
    }

    private static SpotifyUserNotAllowedException notAllowed(ForbiddenException e) {
        return new SpotifyUserNotAllowedException("Spotify answered 403 for this user (" + e.getMessage()
                + "): a development-mode app serves only the accounts on its User Management list", e);
    }

    /** The scopes of {@link #SCOPES} that {@code granted} (a token response's {@code scope}) lacks. */
    public static List<String> missingScopes(String granted) {
        Set<String> have = granted == null ? Set.of() : Set.copyOf(Arrays.asList(granted.trim().split("\\s+")));
        return Arrays.stream(SCOPES.split(" ")).filter(scope -> !have.contains(scope)).toList();
    }

    private SpotifyApi api(String accessToken) {
        SpotifyApi.Builder builder = SpotifyApi.builder()
                .setClientId(app.clientId())
                .setHttpManager(transport);
        if (app.redirectUri() != null) {
            builder.setRedirectUri(app.redirectUri());
        }
        if (accessToken != null) {
            builder.setAccessToken(accessToken);
        }
        return builder.build();
    }

    private String basic() {
        String pair = app.clientId() + ":" + app.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}

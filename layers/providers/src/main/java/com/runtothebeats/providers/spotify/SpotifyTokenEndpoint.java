package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.OAuthTokenEndpoint;
import com.runtothebeats.core.identity.TokenGrant;

/** Spotify's refresh grant for the shared {@code TokenRefresher}; {@code invalid_grant} means consent is gone. */
public final class SpotifyTokenEndpoint implements OAuthTokenEndpoint {

    private final SpotifyAuthorization authorization;

    public SpotifyTokenEndpoint(SpotifyAuthorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        try {
            SpotifyTokens tokens = authorization.refresh(refreshToken);
            return new TokenGrant(tokens.accessToken(), tokens.expiresAt(), tokens.refreshToken(), tokens.scope());
        } catch (SpotifyConsentExpiredException e) {
            throw new ConsentRevokedException("Spotify refused the refresh token (invalid_grant)");
        }
    }
}

package com.runtothebeats.providers.spotify;

/**
 * Spotify answered {@code invalid_grant}: the refresh token is dead (six months after consent, or revoked),
 * or an authorization code was already used or expired. Only a new sign-in helps.
 */
public class SpotifyConsentExpiredException extends RuntimeException {

    public SpotifyConsentExpiredException(String message) {
        super(message);
    }
}

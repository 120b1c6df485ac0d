package com.runtothebeats.providers.spotify;

/**
 * Spotify answered 403 for this user: a development-mode app serves only the accounts its owner listed under
 * User Management (at most five), and refuses everyone else at sign-in and on calls. Not an outage: the app's
 * owner must add the account, then the runner signs in again (docs/deploy-real-providers.md).
 */
public class SpotifyUserNotAllowedException extends RuntimeException {

    public SpotifyUserNotAllowedException(String message, Throwable cause) {
        super(message, cause);
    }
}

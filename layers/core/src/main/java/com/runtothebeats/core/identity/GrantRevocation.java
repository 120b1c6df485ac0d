package com.runtothebeats.core.identity;

/**
 * A provider's OAuth 2.0 token revocation (RFC 7009): ends the whole grant a token belongs to, so that a
 * runner who disconnects us is also disconnected at the provider, not only forgotten by us.
 */
public interface GrantRevocation {

    /**
     * Revokes the grant of {@code refreshToken}. Returns normally when the provider no longer honours the
     * grant: revoked now, or already revoked or expired (nothing left to end).
     *
     * @throws RuntimeException the adapter's own when the provider could not confirm it (down, timed out,
     *                          an unexpected answer): the grant may still be alive
     */
    void revoke(String refreshToken);
}

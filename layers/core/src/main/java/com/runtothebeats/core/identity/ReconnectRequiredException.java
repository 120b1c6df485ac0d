package com.runtothebeats.core.identity;

/**
 * The runner's consent at a provider is gone (Spotify refresh tokens die six months after consent, or the
 * runner revoked access): only connecting again helps. The link has been marked
 * {@link LinkStatus#RECONNECT_REQUIRED}.
 */
public class ReconnectRequiredException extends RuntimeException {

    private final Provider provider;

    public ReconnectRequiredException(Provider provider, String message) {
        super(message);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }
}

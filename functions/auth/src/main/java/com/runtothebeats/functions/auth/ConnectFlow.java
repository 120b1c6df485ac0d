package com.runtothebeats.functions.auth;

import com.runtothebeats.core.identity.Provider;
import java.net.URI;

/**
 * One provider's OAuth 2.0 authorization-code flow with PKCE, as the Auth function drives it: the function
 * owns {@code state}, the PKCE verifier, the session cookie and the redirects; the flow owns the provider's
 * URLs, the code exchange and where the resulting link is stored.
 */
public interface ConnectFlow {

    Provider provider();

    /**
     * True when only a signed-in runner may connect (Google Health attaches a device to a runner); false
     * when completing the flow itself signs the runner in (Spotify).
     */
    boolean requiresSignedInRunner();

    /** The provider's authorize page for this attempt ({@code code_challenge_method=S256}). */
    URI authorizationUrl(String state, String codeChallenge);

    /**
     * Exchanges the authorization code, stores the provider link with its tokens and returns the runner it
     * belongs to.
     *
     * @param runnerId the runner who started the attempt, or null for a sign-in
     * @throws ConnectFailedException when the provider refused the code or could not be reached
     */
    String complete(String code, String codeVerifier, String runnerId);

    /**
     * Forgets the runner's link at this provider (tokens deleted), after revoking the grant at the provider
     * where it has a revocation endpoint. The local deletion never depends on the provider answering.
     *
     * @return true when the provider confirmed the grant is gone, false when nothing was revoked there
     */
    boolean disconnect(String runnerId);
}

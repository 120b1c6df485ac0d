package com.runtothebeats.functions.auth;

import com.runtothebeats.core.identity.OAuthState;
import com.runtothebeats.core.identity.OAuthStateStore;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.session.RequestCookies;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 authorization-code attempts of the providers' {@link ConnectFlow}s: {@link #begin} keeps a
 * one-time {@code state} (bound to the signed-in runner, with a TTL) and the PKCE verifier, and answers the
 * provider's authorize URL with the cookie that binds the attempt to this browser ({@link OAuthBrowserBinding});
 * {@link #finish} checks the callback (started in this browser, state known, unexpired, unused, for this
 * provider and, where the flow needs one, this runner), consumes the state and has the flow exchange the code.
 */
final class ConnectAttempts {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    /** How a callback ended: the runner connected, or the runner declined at the provider (its error code). */
    record Outcome(String runnerId, String declined) {
    }

    /** A started attempt: where to send the browser, and the cookie that binds the attempt to it. */
    record Started(URI authorizeUrl, String browserCookie) {
    }

    private final OAuthStateStore states;
    private final OAuthBrowserBinding browsers;
    private final Map<Provider, ConnectFlow> flows = new LinkedHashMap<>();
    private final Clock clock;
    private final SecureRandom random;

    ConnectAttempts(OAuthStateStore states, OAuthBrowserBinding browsers, List<ConnectFlow> flows, Clock clock,
                    SecureRandom random) {
        this.states = states;
        this.browsers = browsers;
        flows.forEach(flow -> this.flows.put(flow.provider(), flow));
        this.clock = clock;
        this.random = random;
    }

    boolean configured(Provider provider) {
        return flows.containsKey(provider);
    }

    /** The provider's authorize URL for a new attempt by {@code runnerId} (empty for a sign-in). */
    Started begin(Provider provider, Optional<String> runnerId) {
        ConnectFlow flow = flow(provider);
        if (flow.requiresSignedInRunner() && runnerId.isEmpty()) {
            throw new ConnectRefusedException(401, "not_signed_in", "Sign in with Spotify before connecting " + provider.id() + ".", null);
        }
        Pkce pkce = Pkce.generate(random);
        String state = Pkce.randomToken(random, 32);
        states.save(new OAuthState(state, provider, runnerId.orElse(null), pkce.verifier(), clock.instant().plus(STATE_LIFETIME)));
        return new Started(flow.authorizationUrl(state, pkce.challenge()), browsers.cookie(provider, state));
    }

    /**
     * Completes the attempt the callback's {@code state} names.
     *
     * @param signedInRunner the runner of the browser the callback arrived in, if signed in
     * @param cookies        the callback's cookies, to find the attempt's browser binding among
     * @throws ConnectFailedException when the provider refused the code or could not be reached
     */
    Outcome finish(Provider provider, Map<String, String> query, Optional<String> signedInRunner, RequestCookies cookies) {
        String state = query.get("state");
        if (state == null || state.isBlank()) {
            throw new InvalidInputException("state", "The callback has no state parameter.");
        }
        if (!browsers.startedHere(provider, state, cookies)) {
            // Checked before the state is consumed: a callback from another browser changes nothing, and the
            // browser that did start the attempt can still complete it.
            throw new ConnectRefusedException(403, "browser_mismatch", "This sign-in was started in another browser"
                    + " (or more than " + STATE_LIFETIME.toMinutes() + " minutes ago); start it again here.", "state");
        }
        Optional<OAuthState> attempt = states.consume(state, clock.instant());
        if (attempt.isEmpty() || attempt.get().provider() != provider) {
            throw new InvalidInputException("state", "This sign-in link is unknown, expired or already used; start again.");
        }
        String denied = query.get("error");
        if (denied != null) {
            return new Outcome(null, safeCode(denied));
        }
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "The callback has no code parameter.");
        }
        ConnectFlow flow = flow(provider);
        String boundRunner = attempt.get().runnerId();
        if (flow.requiresSignedInRunner() && (boundRunner == null || !signedInRunner.equals(Optional.of(boundRunner)))) {
            // The state belongs to another runner's browser: refuse rather than link their account to this one.
            throw new ConnectRefusedException(403, "runner_mismatch", "This connection was started by another sign-in.", "state");
        }
        return new Outcome(flow.complete(code, attempt.get().codeVerifier(), boundRunner), null);
    }

    /** Forgets the runner's link at the provider; true when the provider confirmed the grant is revoked. */
    boolean disconnect(Provider provider, String runnerId) {
        return flow(provider).disconnect(runnerId);
    }

    private ConnectFlow flow(Provider provider) {
        ConnectFlow flow = flows.get(provider);
        if (flow == null) {
            throw ConnectRefusedException.notConfigured(provider.id());
        }
        return flow;
    }

    /** Provider error codes are short tokens; anything else is not echoed into our URL or logs. */
    private static String safeCode(String code) {
        return code.matches("[a-z_]{1,40}") ? code : "authorization_error";
    }
}

package com.runtothebeats.lambda.session;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.SessionStore;
import com.runtothebeats.core.identity.SignInSession;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-side sessions: the cookie {@code __Host-beats_session = runnerId.secret} (HttpOnly, Secure, Path=/,
 * SameSite=Lax) names a row of the sessions table ({@link SessionStore}: runner id + SHA-256 of the 256-bit
 * random secret, with a TTL). Every request reads that row (one strongly consistent GetItem), so signing out
 * ends the session for good, "sign out everywhere" ends all of the runner's, and no function but Auth needs a
 * signing key to tell who is signed in. A cookie that is malformed costs no read.
 *
 * <p>Demo mode ({@code BEATS_DEMO_MODE=true}, set only by the local stack) lets a request without a session
 * act as {@value #DEMO_RUNNER_ID}, so the local demo works without a Spotify account. It is never on unless
 * that variable says so.
 */
public final class SessionCookies {

    public static final String COOKIE = "__Host-beats_session";
    public static final String DEMO_RUNNER_ID = "demo-runner";
    public static final String DEMO_MODE_VARIABLE = "BEATS_DEMO_MODE";
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** 32 random bytes, base64url without padding. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final Duration lifetime;
    private final Clock clock;
    private final boolean demoMode;

    public SessionCookies(SessionStore store, Duration lifetime, Clock clock, boolean demoMode) {
        this.store = store;
        this.lifetime = lifetime;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** From the function's environment ({@code SESSION_LIFETIME_HOURS}, {@code BEATS_DEMO_MODE}) and its sessions table. */
    public static SessionCookies fromEnvironment(LambdaEnvironment env, SessionStore store) {
        boolean demo = Boolean.parseBoolean(env.get(DEMO_MODE_VARIABLE, "false"));
        Duration lifetime = Duration.ofHours(env.getInt("SESSION_LIFETIME_HOURS", (int) DEFAULT_LIFETIME.toHours()));
        return new SessionCookies(store, lifetime, Clock.systemUTC(), demo);
    }

    public boolean demoMode() {
        return demoMode;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Starts a session for {@code runnerId}: the {@code Set-Cookie} value that carries it to the browser. */
    public String issue(String runnerId) {
        if (!RUNNER_ID.matcher(runnerId).matches()) {
            throw new IllegalArgumentException("runner ids are 1-128 characters of [A-Za-z0-9_-]");
        }
        String secret = Pkce.randomToken(RANDOM, 32);
        Instant now = clock.instant();
        store.save(new SignInSession(runnerId, sessionKey(secret), now, now.plus(lifetime)));
        return COOKIE + "=" + runnerId + "." + secret + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; Secure; SameSite=Lax";
    }

    /** A {@code Set-Cookie} value that removes the cookie (the session itself is ended by {@link #signOut}). */
    public String expire() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax";
    }

    /** Ends the session the request's cookie names, if any: that cookie signs nobody in any more. */
    public void signOut(APIGatewayV2HTTPEvent event) {
        cookie(event).ifPresent(cookie -> store.delete(cookie.runnerId(), cookie.sessionKey()));
    }

    /** Ends every session of the runner, in every browser; how many there were. */
    public int signOutEverywhere(String runnerId) {
        return store.deleteAll(runnerId);
    }

    /** The runner whose live session the request's cookie names. */
    public Optional<String> signedInRunner(APIGatewayV2HTTPEvent event) {
        return cookie(event).flatMap(cookie -> store.find(cookie.runnerId(), cookie.sessionKey(), clock.instant()))
                .map(SignInSession::runnerId);
    }

    /**
     * The signed-in runner, or in demo mode the demo runner; empty when nobody is signed in. A request that
     * carries a session cookie whose session has ended is signed out even in demo mode: a copy of a logged-out
     * cookie gets a 401, never the demo runner.
     */
    public Optional<RunnerSession> session(APIGatewayV2HTTPEvent event) {
        Optional<String> runner = signedInRunner(event);
        if (runner.isPresent()) {
            return Optional.of(new RunnerSession(runner.get(), demoMode && DEMO_RUNNER_ID.equals(runner.get())));
        }
        boolean carriesACookie = RequestCookies.of(event).get(COOKIE).filter(value -> !value.isEmpty()).isPresent();
        return demoMode && !carriesACookie ? Optional.of(new RunnerSession(DEMO_RUNNER_ID, true)) : Optional.empty();
    }

    /**
     * The runner a request acts for, with the CSRF check for state-changing requests; throws
     * {@link RequestRejectedException} (401 not signed in, 403 CSRF) for the handler to answer with.
     */
    public RunnerSession requireRunner(APIGatewayV2HTTPEvent event) {
        RunnerSession session = session(event).orElseThrow(() -> new RequestRejectedException(401, "not_signed_in",
                "Sign in with Spotify first."));
        CsrfTokens.verify(event, session);
        return session;
    }

    private record Cookie(String runnerId, String sessionKey) {
    }

    private static Optional<Cookie> cookie(APIGatewayV2HTTPEvent event) {
        String value = RequestCookies.of(event).get(COOKIE).orElse("");
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String runnerId = value.substring(0, dot);
        String secret = value.substring(dot + 1);
        if (!RUNNER_ID.matcher(runnerId).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Cookie(runnerId, sessionKey(secret)));
    }

    /** What the table keys a session by: SHA-256 of the cookie's secret, base64url (the digest a PKCE challenge is). */
    static String sessionKey(String secret) {
        return Pkce.challengeOf(secret);
    }

    @Override
    public String toString() {
        return "SessionCookies[demoMode=" + demoMode + ", lifetime=" + lifetime + "]";
    }
}

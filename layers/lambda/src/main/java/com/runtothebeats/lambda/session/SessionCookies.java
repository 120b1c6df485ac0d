package com.runtothebeats.lambda.session;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The signed session cookie {@code __Host-beats_session = runnerId.expiryEpochSeconds.signature}, where the
 * signature is HMAC-SHA256 over {@code runnerId.expiry} with the session secret. The cookie is HttpOnly,
 * Secure and SameSite=Lax; a cookie whose signature does not verify (compared in constant time) or whose
 * expiry has passed names nobody.
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

    private final CookieSignature signature;
    private final Duration lifetime;
    private final Clock clock;
    private final boolean demoMode;

    public SessionCookies(byte[] secret, Duration lifetime, Clock clock, boolean demoMode) {
        this.signature = new CookieSignature(secret);
        this.lifetime = lifetime;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /** From the function's environment: the key as {@link SessionSecret} reads it. */
    public static SessionCookies fromEnvironment(LambdaEnvironment env, Function<String, String> secureParameter) {
        boolean demo = Boolean.parseBoolean(env.get(DEMO_MODE_VARIABLE, "false"));
        Duration lifetime = Duration.ofHours(env.getInt("SESSION_LIFETIME_HOURS", (int) DEFAULT_LIFETIME.toHours()));
        return new SessionCookies(SessionSecret.fromEnvironment(env, secureParameter), lifetime, Clock.systemUTC(), demo);
    }

    public boolean demoMode() {
        return demoMode;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A {@code Set-Cookie} value that signs {@code runnerId} in until the session lifetime has passed. */
    public String issue(String runnerId) {
        if (!RUNNER_ID.matcher(runnerId).matches()) {
            throw new IllegalArgumentException("runner ids are 1-128 characters of [A-Za-z0-9_-]");
        }
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = runnerId + "." + expiry;
        return COOKIE + "=" + payload + "." + signature.sign(payload) + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; Secure; SameSite=Lax";
    }

    /** A {@code Set-Cookie} value that removes the session (sign out). */
    public String expire() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax";
    }

    /** The runner named by a valid, unexpired session cookie. */
    public Optional<String> signedInRunner(APIGatewayV2HTTPEvent event) {
        return RequestCookies.of(event).get(COOKIE).flatMap(this::verify);
    }

    /** The signed-in runner, or in demo mode the demo runner; empty when nobody is signed in. */
    public Optional<RunnerSession> session(APIGatewayV2HTTPEvent event) {
        Optional<String> runner = signedInRunner(event);
        if (runner.isPresent()) {
            return Optional.of(new RunnerSession(runner.get(), true));
        }
        return demoMode ? Optional.of(new RunnerSession(DEMO_RUNNER_ID, false)) : Optional.empty();
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

    Optional<String> verify(String value) {
        int lastDot = value.lastIndexOf('.');
        int expiryDot = lastDot > 0 ? value.lastIndexOf('.', lastDot - 1) : -1;
        if (expiryDot <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        if (!signature.verifies(payload, value.substring(lastDot + 1))) {
            return Optional.empty();
        }
        String runnerId = value.substring(0, expiryDot);
        long expiry;
        try {
            expiry = Long.parseLong(value.substring(expiryDot + 1, lastDot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry)) || !RUNNER_ID.matcher(runnerId).matches()) {
            return Optional.empty();
        }
        return Optional.of(runnerId);
    }

    @Override
    public String toString() {
        return "SessionCookies[demoMode=" + demoMode + ", lifetime=" + lifetime + "]";
    }
}

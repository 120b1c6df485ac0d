package com.runtothebeats.lambda.session;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed session cookie {@code beats_session = runnerId.expiryEpochSeconds.signature}, where the
 * signature is HMAC-SHA256 over {@code runnerId.expiry} with the session secret. The cookie is HttpOnly,
 * Secure and SameSite=Lax; a cookie whose signature does not verify (compared in constant time) or whose
 * expiry has passed names nobody.
 *
 * <p>Demo mode ({@code BEATS_DEMO_MODE=true}, set only by the local stack) lets a request without a session
 * act as {@value #DEMO_RUNNER_ID}, so the local demo works without a Spotify account. It is never on unless
 * that variable says so.
 */
public final class SessionCookies {

    public static final String COOKIE = "beats_session";
    public static final String DEMO_RUNNER_ID = "demo-runner";
    public static final String DEMO_MODE_VARIABLE = "BEATS_DEMO_MODE";
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MIN_SECRET_BYTES = 32;
    /** One random key per JVM for demo mode without a configured secret: sessions end when the stack stops. */
    private static volatile byte[] demoKey;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final boolean demoMode;

    public SessionCookies(byte[] secret, Duration lifetime, Clock clock, boolean demoMode) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the session secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
        this.demoMode = demoMode;
    }

    /**
     * From the function's environment: {@code SESSION_SECRET} (locally), else the SSM parameter named by
     * {@code SESSION_SECRET_PARAMETER}, read through {@code secureParameter} (Powertools parameters in AWS);
     * in the local stack (demo mode or {@code BEATS_LOCAL}; it has no SSM) without {@code SESSION_SECRET}, a
     * random per-process key.
     */
    public static SessionCookies fromEnvironment(LambdaEnvironment env, Function<String, String> secureParameter) {
        boolean demo = Boolean.parseBoolean(env.get(DEMO_MODE_VARIABLE, "false"));
        Duration lifetime = Duration.ofHours(env.getInt("SESSION_LIFETIME_HOURS", (int) DEFAULT_LIFETIME.toHours()));
        // The local stack (BEATS_LOCAL=true, never set on Lambda) has no SSM: without SESSION_SECRET it uses a
        // random per-process key, so sessions last as long as ./beats serve runs.
        boolean local = demo || Boolean.parseBoolean(env.get("BEATS_LOCAL", "false"));
        Optional<String> secret = env.get("SESSION_SECRET");
        if (secret.isEmpty() && !local) {
            secret = env.get("SESSION_SECRET_PARAMETER").map(secureParameter);
        }
        byte[] key;
        if (secret.isPresent()) {
            key = secret.get().getBytes(StandardCharsets.UTF_8);
        } else if (local) {
            key = demoKey();
        } else {
            throw new IllegalStateException("set SESSION_SECRET or SESSION_SECRET_PARAMETER (the session cookie's signing key)");
        }
        return new SessionCookies(key, lifetime, Clock.systemUTC(), demo);
    }

    private static byte[] demoKey() {
        if (demoKey == null) {
            synchronized (SessionCookies.class) {
                if (demoKey == null) {
                    byte[] bytes = new byte[MIN_SECRET_BYTES];
                    new SecureRandom().nextBytes(bytes);
                    demoKey = bytes;
                }
            }
        }
        return demoKey;
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
        return COOKIE + "=" + payload + "." + sign(payload) + "; Path=/; Max-Age=" + lifetime.toSeconds()
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
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
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

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SessionCookies[demoMode=" + demoMode + ", lifetime=" + lifetime + "]";
    }
}

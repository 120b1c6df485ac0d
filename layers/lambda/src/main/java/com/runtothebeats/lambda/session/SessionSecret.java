package com.runtothebeats.lambda.session;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;

/**
 * The session secret: the HMAC key the Auth function signs its short-lived browser cookies with.
 * {@code SESSION_SECRET} (locally), else the SSM parameter named by {@code SESSION_SECRET_PARAMETER}, read
 * through {@code secureParameter}; in the local stack (demo mode or {@code BEATS_LOCAL}, never set on Lambda;
 * it has no SSM) without {@code SESSION_SECRET}, a random per-process key, so what it signed lasts as long as
 * {@code ./beats serve} runs.
 */
public final class SessionSecret {

    public static final int MIN_BYTES = 32;
    private static volatile byte[] localKey;

    private SessionSecret() {
    }

    public static byte[] fromEnvironment(LambdaEnvironment env, Function<String, String> secureParameter) {
        boolean local = Boolean.parseBoolean(env.get(SessionCookies.DEMO_MODE_VARIABLE, "false"))
                || Boolean.parseBoolean(env.get("BEATS_LOCAL", "false"));
        Optional<String> secret = env.get("SESSION_SECRET");
        if (secret.isEmpty() && !local) {
            secret = env.get("SESSION_SECRET_PARAMETER").map(secureParameter);
        }
        if (secret.isPresent()) {
            return requireLongEnough(secret.get().getBytes(StandardCharsets.UTF_8));
        }
        if (local) {
            return localKey();
        }
        throw new IllegalStateException("set SESSION_SECRET or SESSION_SECRET_PARAMETER (the session secret)");
    }

    public static byte[] requireLongEnough(byte[] secret) {
        if (secret == null || secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("the session secret must be at least " + MIN_BYTES + " bytes");
        }
        return secret;
    }

    private static byte[] localKey() {
        if (localKey == null) {
            synchronized (SessionSecret.class) {
                if (localKey == null) {
                    byte[] bytes = new byte[MIN_BYTES];
                    new SecureRandom().nextBytes(bytes);
                    localKey = bytes;
                }
            }
        }
        return localKey;
    }
}

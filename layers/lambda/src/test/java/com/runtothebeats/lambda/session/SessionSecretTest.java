package com.runtothebeats.lambda.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the Auth function's session secret comes from, and the signatures made with it. */
class SessionSecretTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-session";

    @Test
    void fromTheEnvironmentElseTheNamedParameterElseNothing() {
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), SessionSecret.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_SECRET", SECRET)), name -> {
                    throw new AssertionError("no parameter lookup expected");
                }));
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), SessionSecret.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_SECRET_PARAMETER", "/beats/dev/session-secret")),
                name -> name.equals("/beats/dev/session-secret") ? SECRET : null));
        assertThrows(IllegalStateException.class, () -> SessionSecret.fromEnvironment(LambdaEnvironment.of(Map.of()), n -> null));
        assertThrows(IllegalArgumentException.class, () -> SessionSecret.fromEnvironment(
                LambdaEnvironment.of(Map.of("SESSION_SECRET", "short")), n -> null));
    }

    @Test
    void theLocalStackHasNoSsmAndUsesOneRandomKeyPerProcess() {
        byte[] local = SessionSecret.fromEnvironment(LambdaEnvironment.of(Map.of("BEATS_LOCAL", "true",
                "SESSION_SECRET_PARAMETER", "/run-to-the-beats/dev/session-secret")), name -> {
                    throw new AssertionError("SSM is not asked locally");
                });
        assertEquals(SessionSecret.MIN_BYTES, local.length);
        assertArrayEquals(local, SessionSecret.fromEnvironment(LambdaEnvironment.of(Map.of("BEATS_DEMO_MODE", "true")), n -> null));
    }

    @Test
    void aSignatureVerifiesOnlyItsOwnPayloadUnderItsOwnKey() {
        CookieSignature signature = new CookieSignature(SECRET.getBytes(StandardCharsets.UTF_8));
        String signed = signature.sign("payload");
        assertEquals(true, signature.verifies("payload", signed));
        assertEquals(false, signature.verifies("payload2", signed));
        assertEquals(false, signature.verifies("payload", null));
        assertEquals(false, new CookieSignature("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8))
                .verifies("payload", signed));
    }
}

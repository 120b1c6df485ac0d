package com.runtothebeats.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636, method S256): the verifier stays with us, the challenge goes to
 * the provider's authorize page, so an intercepted authorization code is useless without the verifier.
 */
public record Pkce(String verifier, String challenge) {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    public static Pkce generate(SecureRandom random) {
        String verifier = randomToken(random, 48); // 64 characters, within RFC 7636's 43..128
        return new Pkce(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return URL_SAFE.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding: usable in URLs, cookies and keys. */
    public static String randomToken(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return URL_SAFE.encodeToString(buffer);
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}

package com.runtothebeats.functions.healthwebhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret Google sends in {@code Authorization} on every webhook call (registered as the subscriber's
 * {@code endpointAuthorization.secret}). Compared in constant time over digests, so neither the content nor
 * the length of the secret leaks through response timing.
 */
final class WebhookSecret {

    private final byte[] digest;

    WebhookSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the Google Health webhook secret is empty");
        }
        this.digest = sha256(secret);
    }

    boolean matches(String authorization) {
        if (authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.trim()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}

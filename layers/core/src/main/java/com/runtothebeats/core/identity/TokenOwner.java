package com.runtothebeats.core.identity;

import java.util.Map;
import java.util.Objects;

/**
 * The row a stored token belongs to. Ciphers bind every ciphertext to it (AES-GCM associated data, KMS
 * encryption context), so a token copied into another runner's or another provider's row does not decrypt.
 */
public record TokenOwner(String runnerId, Provider provider) {

    public TokenOwner {
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(provider, "provider");
    }

    /** The KMS encryption context: logged by CloudTrail with every decrypt, usable in key-policy conditions. */
    public Map<String, String> encryptionContext() {
        return Map.of("runnerId", runnerId, "provider", provider.id());
    }

    /** Associated data for a ciphertext format: unambiguous because ids cannot hold a newline. */
    public String associatedData(String format) {
        return format + "\n" + provider.id() + "\n" + runnerId;
    }
}

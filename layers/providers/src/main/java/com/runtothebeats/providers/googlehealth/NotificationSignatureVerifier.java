package com.runtothebeats.providers.googlehealth;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the ECDSA P-256 signature Google puts on a webhook's raw body, against Google's published Tink
 * public keyset (JSON). The header carries the signature in base64 (standard or URL-safe alphabet).
 */
public final class NotificationSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-HEALTHAPI-SIGNATURE";
    /** Reported by some integrators instead of the documented header. */
    public static final String ALTERNATE_SIGNATURE_HEADER = "GOOGLE-HEALTH-API-SIGNATURE";

    private final PublicKeyVerify verifier;
    private final Set<Integer> keyIds;

    private NotificationSignatureVerifier(PublicKeyVerify verifier, Set<Integer> keyIds) {
        this.verifier = verifier;
        this.keyIds = keyIds;
    }

    public static NotificationSignatureVerifier fromPublicKeysetJson(String keysetJson) {
        try {
            SignatureConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(keysetJson);
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < keyset.size(); i++) {
                ids.add(keyset.getAt(i).getId());
            }
            return new NotificationSignatureVerifier(keyset.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class),
                    Set.copyOf(ids));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink public keyset: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the signature names a key this keyset does not hold: Tink-prefixed signatures start with
     * {@code 0x01} and the 4-byte key id. A raw signature names no key: then any failure may be a rotation.
     */
    public boolean namesUnknownKey(String signatureHeader) {
        byte[] signature = decode(signatureHeader);
        if (signature == null || signature.length < 5 || signature[0] != 0x01) {
            return signature != null;
        }
        int keyId = ByteBuffer.wrap(signature, 1, 4).getInt();
        return !keyIds.contains(keyId);
    }

    public boolean verifies(String rawBody, String signatureHeader) {
        byte[] signature = decode(signatureHeader);
        if (signature == null) {
            return false;
        }
        try {
            verifier.verify(signature, rawBody.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException forged) {
            return false;
        }
    }

    private static byte[] decode(String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return null;
        }
        try {
            String value = signatureHeader.trim();
            return value.contains("-") || value.contains("_")
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

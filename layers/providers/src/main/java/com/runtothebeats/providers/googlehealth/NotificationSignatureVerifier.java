package com.runtothebeats.providers.googlehealth;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Checks the ECDSA P-256 signature Google puts on a webhook's raw body, against Google's published Tink
 * public keyset (JSON). The header carries the signature in base64 (standard or URL-safe alphabet).
 */
public final class NotificationSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-HEALTHAPI-SIGNATURE";
    /** Reported by some integrators instead of the documented header. */
    public static final String ALTERNATE_SIGNATURE_HEADER = "GOOGLE-HEALTH-API-SIGNATURE";

    private final PublicKeyVerify verifier;

    private NotificationSignatureVerifier(PublicKeyVerify verifier) {
        this.verifier = verifier;
    }

    public static NotificationSignatureVerifier fromPublicKeysetJson(String keysetJson) {
        try {
            SignatureConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(keysetJson);
            return new NotificationSignatureVerifier(keyset.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GOOGLE_HEALTH_SIGNING_KEYSET is not a Tink public keyset: " + e.getMessage(), e);
        }
    }

    public boolean verifies(String rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] signature;
        try {
            String value = signatureHeader.trim();
            signature = value.contains("-") || value.contains("_")
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            verifier.verify(signature, rawBody.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException forged) {
            return false;
        }
    }

}

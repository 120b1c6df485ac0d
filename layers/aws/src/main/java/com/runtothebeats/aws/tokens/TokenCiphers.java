package com.runtothebeats.aws.tokens;

import com.runtothebeats.core.identity.TokenCipher;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kms.KmsClient;

/** Chooses the token cipher named by {@code TOKEN_KEY_ID}: {@code local-file:<path>} or a KMS key id/ARN/alias. */
public final class TokenCiphers {

    public static final String LOCAL_FILE_PREFIX = "local-file:";

    private TokenCiphers() {
    }

    /** @param kms built only when the key id names a KMS key, so the local stack needs no KMS endpoint */
    public static TokenCipher forKeyId(String tokenKeyId, Supplier<KmsClient> kms) {
        if (tokenKeyId == null || tokenKeyId.isBlank()) {
            throw new IllegalStateException("TOKEN_KEY_ID is not set: name a KMS key, or local-file:<path> locally");
        }
        if (tokenKeyId.startsWith(LOCAL_FILE_PREFIX)) {
            return LocalKeyFileCipher.fromKeyFile(Path.of(tokenKeyId.substring(LOCAL_FILE_PREFIX.length())));
        }
        return new KmsEnvelopeCipher(kms.get(), tokenKeyId);
    }
}

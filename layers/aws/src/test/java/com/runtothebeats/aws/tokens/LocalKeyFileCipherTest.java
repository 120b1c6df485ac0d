package com.runtothebeats.aws.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.identity.TokenCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileCipherTest {

    @TempDir
    Path stateDir;

    @Test
    void createsAnOwnerOnlyKeyFileAndRoundTrips() throws Exception {
        Path keyFile = stateDir.resolve("keys/token.key");
        TokenCipher cipher = TokenCiphers.forKeyId("local-file:" + keyFile, () -> {
            throw new AssertionError("no KMS client for a local key file");
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        String sealed = cipher.encrypt("refresh-token");
        assertTrue(sealed.startsWith("local1:"));
        assertFalse(sealed.contains("refresh-token"));
        assertEquals("refresh-token", cipher.decrypt(sealed));
        assertEquals("refresh-token", LocalKeyFileCipher.fromKeyFile(keyFile).decrypt(sealed),
                "a restarted stack reads the same key");
    }

    @Test
    void detectsTamperingAndForeignKeys() {
        TokenCipher cipher = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("a.key"));
        String sealed = cipher.encrypt("refresh-token");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("local1:".length()));
        raw[14] ^= 0x20;
        String tampered = "local1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(tampered));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("local1:AAAA"));

        TokenCipher otherKey = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("b.key"));
        assertThrows(TokenDecryptionException.class, () -> otherKey.decrypt(sealed));
    }

    @Test
    void refusesAMissingKeyId() {
        assertThrows(IllegalStateException.class, () -> TokenCiphers.forKeyId(" ", () -> null));
    }
}

package com.runtothebeats.aws.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.TokenCipher;
import com.runtothebeats.core.identity.TokenOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileCipherTest {

    private static final TokenOwner RUNNER_1 = new TokenOwner("runner-1", Provider.SPOTIFY);

    @TempDir
    Path stateDir;

    @Test
    void createsAnOwnerOnlyKeyFileAndRoundTrips() throws Exception {
        Path keyFile = stateDir.resolve("keys/token.key");
        TokenCipher cipher = TokenCiphers.forKeyId("local-file:" + keyFile, () -> {
            throw new AssertionError("no KMS client for a local key file");
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        String sealed = cipher.encrypt("refresh-token", RUNNER_1);
        assertTrue(sealed.startsWith("local2:"));
        assertFalse(sealed.contains("refresh-token"));
        assertEquals("refresh-token", cipher.decrypt(sealed, RUNNER_1));
        assertEquals("refresh-token", LocalKeyFileCipher.fromKeyFile(keyFile).decrypt(sealed, RUNNER_1),
                "a restarted stack reads the same key");
    }

    @Test
    void detectsTamperingAndForeignKeys() {
        TokenCipher cipher = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("a.key"));
        String sealed = cipher.encrypt("refresh-token", RUNNER_1);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("local2:".length()));
        raw[14] ^= 0x20;
        String tampered = "local2:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(tampered, RUNNER_1));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("local2:AAAA", RUNNER_1));

        TokenCipher otherKey = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("b.key"));
        assertThrows(TokenDecryptionException.class, () -> otherKey.decrypt(sealed, RUNNER_1));
    }

    @Test
    void aCiphertextMovedToAnotherRowIsRefused() {
        TokenCipher cipher = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("a.key"));
        String sealed = cipher.encrypt("refresh-token", RUNNER_1);
        assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt(sealed, new TokenOwner("runner-2", Provider.SPOTIFY)), "another runner's row");
        assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt(sealed, new TokenOwner("runner-1", Provider.GOOGLE_HEALTH)), "another provider's row");
        assertEquals("refresh-token", cipher.decrypt(sealed, RUNNER_1));
    }

    @Test
    void refusesTheUnboundFormatOfEarlierVersions() {
        TokenCipher cipher = LocalKeyFileCipher.fromKeyFile(stateDir.resolve("a.key"));
        String unbound = "local1:" + cipher.encrypt("refresh-token", RUNNER_1).substring("local2:".length());
        assertThrows(UnboundCiphertextException.class, () -> cipher.decrypt(unbound, RUNNER_1));
    }

    @Test
    void refusesAMissingKeyId() {
        assertThrows(IllegalStateException.class, () -> TokenCiphers.forKeyId(" ", () -> null));
    }
}

package com.runtothebeats.aws.tokens;

import com.runtothebeats.core.identity.TokenCipher;
import com.runtothebeats.core.identity.TokenOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The local stack's token cipher: AES-256-GCM under a key kept in a file in the state directory. The file
 * is created with owner-only permissions (0600) the first time, so tokens stay readable across restarts
 * of {@code ./beats serve} and unreadable to other users of the machine.
 */
public final class LocalKeyFileCipher implements TokenCipher {

    static final String PREFIX = "local2:";
    /** Sealed with a constant associated data, so not bound to a row: refused (see docs/security.md). */
    static final String UNBOUND_PREFIX = "local1:";
    private static final String FORMAT = "run-to-the-beats/local2";
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private LocalKeyFileCipher(byte[] key) {
        this.key = key;
    }

    /** Reads the key file, creating it (0600, 256 random bits, base64) if it does not exist yet. */
    public static LocalKeyFileCipher fromKeyFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("token key file " + keyFile + " does not hold a 256-bit key");
            }
            return new LocalKeyFileCipher(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key file " + keyFile, e);
        }
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] encoded = Base64.getEncoder().encode(key);
        try {
            // Create with 0600 from the start so the key is never readable by others, not even briefly.
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first: use theirs
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
        }
        Files.write(keyFile, encoded, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public String encrypt(String plaintext, TokenOwner owner) {
        return PREFIX + Base64.getEncoder().encodeToString(AesGcm.seal(key, plaintext, owner.associatedData(FORMAT)));
    }

    @Override
    public String decrypt(String ciphertext, TokenOwner owner) {
        if (ciphertext != null && ciphertext.startsWith(UNBOUND_PREFIX)) {
            throw new UnboundCiphertextException(UNBOUND_PREFIX);
        }
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new TokenDecryptionException("not a local-file ciphertext");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TokenDecryptionException("ciphertext is not valid base64");
        }
        return AesGcm.open(key, sealed, owner.associatedData(FORMAT));
    }
}

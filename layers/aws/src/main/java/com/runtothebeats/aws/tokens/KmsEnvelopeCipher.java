package com.runtothebeats.aws.tokens;

import com.runtothebeats.core.identity.TokenCipher;
import com.runtothebeats.core.identity.TokenOwner;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Envelope encryption: a 256-bit data key from KMS {@code GenerateDataKey} seals the token locally with
 * AES-GCM, and the data key's KMS-encrypted form travels with the ciphertext
 * ({@code kms2:<encrypted data key>:<nonce+ciphertext>}). The plaintext key never leaves memory.
 *
 * <p>Every ciphertext is bound to its {@link TokenOwner} twice: the data key is generated under the KMS
 * encryption context {@code {runnerId, provider}} (so KMS refuses to unwrap it for another row, CloudTrail
 * names the runner of every decrypt, and key policies can condition on it), and the AES-GCM associated data
 * names the same row. A data key is therefore one runner's and provider's, reused for a short while (and a
 * bounded number of encryptions) so a refresh that seals an access and a refresh token costs one KMS call;
 * decrypted data keys are cached the same way.
 */
public final class KmsEnvelopeCipher implements TokenCipher {

    static final String PREFIX = "kms2:";
    /** Sealed under one shared data-key context and a constant associated data: refused (docs/security.md). */
    static final String UNBOUND_PREFIX = "kms1:";
    private static final String FORMAT = "run-to-the-beats/kms2";
    private static final int MAX_CURRENT_KEYS = 256;
    private static final int MAX_ENCRYPTIONS_PER_KEY = 10_000;
    private static final int MAX_CACHED_DECRYPTION_KEYS = 64;

    private final KmsClient kms;
    private final String keyId;
    private final Duration dataKeyLifetime;
    private final Clock clock;

    private final Map<TokenOwner, DataKey> currentKeys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TokenOwner, DataKey> eldest) {
            return size() > MAX_CURRENT_KEYS;
        }
    };
    private final Map<CacheKey, CachedKey> decryptionKeys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, CachedKey> eldest) {
            return size() > MAX_CACHED_DECRYPTION_KEYS;
        }
    };

    public KmsEnvelopeCipher(KmsClient kms, String keyId) {
        this(kms, keyId, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public KmsEnvelopeCipher(KmsClient kms, String keyId, Duration dataKeyLifetime, Clock clock) {
        this.kms = kms;
        this.keyId = keyId;
        this.dataKeyLifetime = dataKeyLifetime;
        this.clock = clock;
    }

    @Override
    public String encrypt(String plaintext, TokenOwner owner) {
        DataKey key = dataKeyForEncryption(owner);
        byte[] sealed = AesGcm.seal(key.plaintext, plaintext, owner.associatedData(FORMAT));
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + b64.encodeToString(key.encrypted) + ":" + b64.encodeToString(sealed);
    }

    @Override
    public String decrypt(String ciphertext, TokenOwner owner) {
        if (ciphertext != null && ciphertext.startsWith(UNBOUND_PREFIX)) {
            throw new UnboundCiphertextException(UNBOUND_PREFIX);
        }
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new TokenDecryptionException("not a KMS envelope ciphertext");
        }
        String[] parts = ciphertext.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            throw new TokenDecryptionException("malformed KMS envelope ciphertext");
        }
        byte[] encryptedKey;
        byte[] sealed;
        try {
            encryptedKey = Base64.getDecoder().decode(parts[0]);
            sealed = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new TokenDecryptionException("ciphertext is not valid base64");
        }
        return AesGcm.open(dataKeyForDecryption(encryptedKey, owner), sealed, owner.associatedData(FORMAT));
    }

    private synchronized DataKey dataKeyForEncryption(TokenOwner owner) {
        Instant now = clock.instant();
        DataKey current = currentKeys.get(owner);
        if (current == null || current.uses >= MAX_ENCRYPTIONS_PER_KEY || !now.isBefore(current.expiresAt)) {
            GenerateDataKeyResponse generated = kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(owner.encryptionContext()));
            current = new DataKey(generated.plaintext().asByteArray(), generated.ciphertextBlob().asByteArray(),
                    now.plus(dataKeyLifetime));
            currentKeys.put(owner, current);
            decryptionKeys.put(new CacheKey(ByteBuffer.wrap(current.encrypted), owner),
                    new CachedKey(current.plaintext, current.expiresAt));
        }
        current.uses++;
        return current;
    }

    private byte[] dataKeyForDecryption(byte[] encryptedKey, TokenOwner owner) {
        // Cached per (wrapped key, owner): a wrapped key is only ever unwrapped for the context KMS bound it to.
        CacheKey cacheKey = new CacheKey(ByteBuffer.wrap(Arrays.copyOf(encryptedKey, encryptedKey.length)), owner);
        Instant now = clock.instant();
        synchronized (this) {
            CachedKey cached = decryptionKeys.get(cacheKey);
            if (cached != null && now.isBefore(cached.expiresAt)) {
                return cached.plaintext;
            }
        }
        DecryptResponse decrypted;
        try {
            decrypted = kms.decrypt(r -> r.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(encryptedKey))
                    .encryptionContext(owner.encryptionContext()));
        } catch (software.amazon.awssdk.services.kms.model.InvalidCiphertextException e) {
            throw new TokenDecryptionException("KMS rejected the encrypted data key (another key, or another row)");
        }
        byte[] plaintext = decrypted.plaintext().asByteArray();
        synchronized (this) {
            decryptionKeys.put(cacheKey, new CachedKey(plaintext, now.plus(dataKeyLifetime)));
        }
        return plaintext;
    }

    private record CacheKey(ByteBuffer encryptedKey, TokenOwner owner) {
    }

    private static final class DataKey {
        final byte[] plaintext;
        final byte[] encrypted;
        final Instant expiresAt;
        int uses;

        DataKey(byte[] plaintext, byte[] encrypted, Instant expiresAt) {
            this.plaintext = plaintext;
            this.encrypted = encrypted;
            this.expiresAt = expiresAt;
        }
    }

    private record CachedKey(byte[] plaintext, Instant expiresAt) {
    }
}

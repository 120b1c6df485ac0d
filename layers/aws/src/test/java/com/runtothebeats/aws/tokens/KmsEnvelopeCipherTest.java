package com.runtothebeats.aws.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.TokenCipher;
import com.runtothebeats.core.identity.TokenOwner;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** Envelope encryption against a real KMS API (moto_server). */
class KmsEnvelopeCipherTest {

    private static final TokenOwner RUNNER_1 = new TokenOwner("runner-1", Provider.GOOGLE_HEALTH);
    private static MotoServer moto;
    private static final List<String> kmsCalls = new CopyOnWriteArrayList<>();
    private static KmsClient kms;
    private static String keyId;

    @BeforeAll
    static void startKms() throws Exception {
        moto = MotoServer.start();
        kms = KmsClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        kmsCalls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
        keyId = kms.createKey(r -> r.description("tokens")).keyMetadata().arn();
    }

    @AfterAll
    static void stopKms() {
        kms.close();
        moto.close();
    }

    @BeforeEach
    void clearCalls() {
        kmsCalls.clear();
    }

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        TokenCipher cipher = TokenCiphers.forKeyId(keyId, () -> kms);
        String token = "1//0refresh-token-with-unicode-\u00e9";
        String sealed = cipher.encrypt(token, RUNNER_1);
        assertTrue(sealed.startsWith("kms2:"));
        assertFalse(sealed.contains("refresh-token"));
        assertEquals(token, cipher.decrypt(sealed, RUNNER_1));
        assertNotEquals(sealed, cipher.encrypt(token, RUNNER_1), "a fresh nonce per encryption");
    }

    @Test
    void aBurstOfEncryptionsForOneRowCostsOneDataKey() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        for (int i = 0; i < 25; i++) {
            assertEquals("token-" + i, cipher.decrypt(cipher.encrypt("token-" + i, RUNNER_1), RUNNER_1));
        }
        assertEquals(List.of("GenerateDataKey"), kmsCalls);
    }

    @Test
    void anotherContainerDecryptsThroughKms() {
        String sealed = new KmsEnvelopeCipher(kms, keyId).encrypt("secret", RUNNER_1);
        kmsCalls.clear();
        TokenCipher coldContainer = new KmsEnvelopeCipher(kms, keyId);
        assertEquals("secret", coldContainer.decrypt(sealed, RUNNER_1));
        assertEquals("secret", coldContainer.decrypt(sealed, RUNNER_1));
        assertEquals(List.of("Decrypt"), kmsCalls, "the decrypted data key is cached");
    }

    @Test
    void detectsTampering() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        String sealed = cipher.encrypt("secret", RUNNER_1);
        String[] parts = sealed.substring("kms2:".length()).split(":");
        byte[] body = Base64.getDecoder().decode(parts[1]);
        body[body.length - 1] ^= 1;
        String tampered = "kms2:" + parts[0] + ":" + Base64.getEncoder().encodeToString(body);
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(tampered, RUNNER_1));

        String otherKeysBody = cipher.encrypt("other", RUNNER_1).split(":")[2];
        String otherDataKey = new KmsEnvelopeCipher(kms, keyId).encrypt("x", RUNNER_1).split(":")[1];
        assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt("kms2:" + otherDataKey + ":" + otherKeysBody, RUNNER_1));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("kms2:not-base64!:x", RUNNER_1));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("local1:abc", RUNNER_1));
    }

    @Test
    void aCiphertextMovedToAnotherRowIsRefusedByKmsAndByTheAssociatedData() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        String sealed = cipher.encrypt("refresh-token", RUNNER_1);
        TokenOwner runner2 = new TokenOwner("runner-2", Provider.GOOGLE_HEALTH);
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(sealed, runner2), "cached data key");
        assertThrows(TokenDecryptionException.class,
                () -> new KmsEnvelopeCipher(kms, keyId).decrypt(sealed, runner2), "KMS unwrap with another context");
        assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt(sealed, new TokenOwner("runner-1", Provider.SPOTIFY)));
        assertEquals("refresh-token", new KmsEnvelopeCipher(kms, keyId).decrypt(sealed, RUNNER_1));
    }

    @Test
    void refusesTheUnboundFormatOfEarlierVersions() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        String unbound = "kms1:" + cipher.encrypt("x", RUNNER_1).substring("kms2:".length());
        assertThrows(UnboundCiphertextException.class, () -> cipher.decrypt(unbound, RUNNER_1));
    }
}

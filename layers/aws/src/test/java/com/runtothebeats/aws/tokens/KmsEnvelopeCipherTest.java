package com.runtothebeats.aws.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.identity.TokenCipher;
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
        String sealed = cipher.encrypt(token);
        assertTrue(sealed.startsWith("kms1:"));
        assertFalse(sealed.contains("refresh-token"));
        assertEquals(token, cipher.decrypt(sealed));
        assertNotEquals(sealed, cipher.encrypt(token), "a fresh nonce per encryption");
    }

    @Test
    void aBurstOfEncryptionsCostsOneDataKey() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        for (int i = 0; i < 25; i++) {
            assertEquals("token-" + i, cipher.decrypt(cipher.encrypt("token-" + i)));
        }
        assertEquals(List.of("GenerateDataKey"), kmsCalls);
    }

    @Test
    void anotherContainerDecryptsThroughKms() {
        String sealed = new KmsEnvelopeCipher(kms, keyId).encrypt("secret");
        kmsCalls.clear();
        TokenCipher coldContainer = new KmsEnvelopeCipher(kms, keyId);
        assertEquals("secret", coldContainer.decrypt(sealed));
        assertEquals("secret", coldContainer.decrypt(sealed));
        assertEquals(List.of("Decrypt"), kmsCalls, "the decrypted data key is cached");
    }

    @Test
    void detectsTampering() {
        TokenCipher cipher = new KmsEnvelopeCipher(kms, keyId);
        String sealed = cipher.encrypt("secret");
        String[] parts = sealed.substring("kms1:".length()).split(":");
        byte[] body = Base64.getDecoder().decode(parts[1]);
        body[body.length - 1] ^= 1;
        String tampered = "kms1:" + parts[0] + ":" + Base64.getEncoder().encodeToString(body);
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(tampered));

        String otherKeysBody = cipher.encrypt("other").split(":")[2];
        String otherDataKey = new KmsEnvelopeCipher(kms, keyId).encrypt("x").split(":")[1];
        assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt("kms1:" + otherDataKey + ":" + otherKeysBody));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("kms1:not-base64!:x"));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("local1:abc"));
    }
}

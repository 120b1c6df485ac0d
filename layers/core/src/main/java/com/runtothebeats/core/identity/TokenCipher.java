package com.runtothebeats.core.identity;

/**
 * Encrypts secrets at rest: envelope encryption with a KMS data key in AWS, a local key file in the
 * local stack. The ciphertext is self-describing text, safe to store in a table attribute.
 */
public interface TokenCipher {

    String encrypt(String plaintext);

    String decrypt(String ciphertext);
}

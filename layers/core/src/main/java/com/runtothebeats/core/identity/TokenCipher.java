package com.runtothebeats.core.identity;

/**
 * Encrypts secrets at rest: envelope encryption with a KMS data key in AWS, a local key file in the
 * local stack. The ciphertext is self-describing text, safe to store in a table attribute, and bound to
 * its {@link TokenOwner}: it decrypts only for the runner and provider it was sealed for.
 */
public interface TokenCipher {

    String encrypt(String plaintext, TokenOwner owner);

    String decrypt(String ciphertext, TokenOwner owner);
}

package com.runtothebeats.aws.tokens;

/** A stored ciphertext that cannot be opened: tampered with, truncated, or sealed under another key. */
public class TokenDecryptionException extends RuntimeException {

    public TokenDecryptionException(String message) {
        super(message);
    }
}

package com.runtothebeats.aws.tokens;

/**
 * A ciphertext in a format sealed before tokens were bound to their row ({@code local1:}, {@code kms1:}). It is
 * never opened: anyone who could write the table could have moved it there. The runner connects again.
 */
public class UnboundCiphertextException extends TokenDecryptionException {

    public UnboundCiphertextException(String format) {
        super("token sealed in the unbound format " + format + " is refused: the runner must connect again");
    }
}

package com.canon.cps.platform.sealing;

/** A sealed value that does not open: malformed, sealed under a key the reader does not hold, or for another event. */
public class SealedSecretException extends RuntimeException {

    public SealedSecretException(String message) {
        super(message);
    }
}

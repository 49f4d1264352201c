package com.canon.cps.platform.privacy;

/**
 * An event's personal data was encrypted with a data key that the key store neither holds nor records as erased: the
 * key store was lost or damaged. Reading fails loudly (a processor stops and retries) instead of passing the data off
 * as erased; restoring the key backup mends it (ADR 23).
 */
public class MissingDataKeyException extends IllegalStateException {

    MissingDataKeyException(String message) {
        super(message);
    }
}

package com.canon.cps.billing.bank;

/** A bank statement that cannot be imported; the message says why in words fit for a 400 problem detail. */
public class BankStatementException extends RuntimeException {

    public BankStatementException(String message) {
        super(message);
    }

    public BankStatementException(String message, Throwable cause) {
        super(message, cause);
    }
}

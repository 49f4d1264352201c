package com.canon.cps.billing.payment;

/**
 * Transient: timeout, outage, rate limit, outcome still pending, circuit open, bulkhead full — the caller retries later
 * with the SAME idempotency key.
 * Whether the operation took effect is unknown; the gateway's idempotency makes the retry safe.
 */
public class PaymentGatewayUnavailableException extends RuntimeException {

    private final GatewayFault fault;

    public PaymentGatewayUnavailableException(GatewayFault fault, String message) {
        super(message);
        this.fault = fault;
    }

    public PaymentGatewayUnavailableException(GatewayFault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
    }

    public GatewayFault fault() {
        return fault;
    }
}

package com.canon.cps.billing.payment;

/** Why the gateway gave no answer. All of them are transient: ask again later with the same idempotency key. */
public enum GatewayFault {
    /** No answer within the time limit (the operation may or may not have happened). */
    TIMEOUT,
    /** The gateway reports that it is unavailable (HTTP 5xx, maintenance). */
    OUTAGE,
    /** The gateway refused the call for too many requests (HTTP 429): ask again a little later. */
    RATE_LIMITED,
    /**
     * The gateway accepted the operation, but its outcome comes later (e.g. a payment still {@code processing}, decided
     * by a webhook). Asking again with the same key gives the outcome once it is known; neither retried at once nor
     * counted against the gateway's health.
     */
    PENDING,
    /** Our circuit breaker is open after repeated faults: the gateway is not even asked. */
    CIRCUIT_OPEN,
    /** Our bulkhead is full: too many gateway calls in flight. */
    BULKHEAD_FULL,
    /** Anything else that went wrong on the way (I/O, unexpected answer). */
    TECHNICAL_ERROR
}

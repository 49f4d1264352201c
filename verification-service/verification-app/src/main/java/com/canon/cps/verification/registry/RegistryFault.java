package com.canon.cps.verification.registry;

/**
 * Why a registry gave no answer: the VIES fault codes (documented for its SOAP service and returned by its REST
 * interface as {@code errorWrappers[].error}), which the other registries' adapters map their faults onto, plus our own
 * for the resilience layer. A transient fault is worth retrying; a permanent one is not (the same question gets the same
 * fault), so the case goes to the operators without further checks.
 */
public enum RegistryFault {
    INVALID_INPUT(false),
    INVALID_REQUESTER_INFO(false),
    SERVICE_UNAVAILABLE(true),
    MS_UNAVAILABLE(true),
    TIMEOUT(true),
    VAT_BLOCKED(false),
    IP_BLOCKED(false),
    GLOBAL_MAX_CONCURRENT_REQ(true),
    GLOBAL_MAX_CONCURRENT_REQ_TIME(true),
    MS_MAX_CONCURRENT_REQ(true),
    MS_MAX_CONCURRENT_REQ_TIME(true),
    /** The registry refused the call for too many requests (HTTP 429, HMRC {@code MESSAGE_THROTTLED_OUT}, UID
     * {@code Request_limit_exceeded}). */
    RATE_LIMITED(true),
    /** Our circuit breaker is open after repeated faults: the registry is not even asked. */
    CIRCUIT_OPEN(true),
    /** Our bulkhead is full: too many checks in flight against this registry. */
    BULKHEAD_FULL(true),
    /** Anything else that went wrong on the way (I/O, unexpected answer). */
    TECHNICAL_ERROR(true);

    private final boolean transientFault;

    RegistryFault(boolean transientFault) {
        this.transientFault = transientFault;
    }

    /** Whether asking again later may give an answer. */
    public boolean isTransient() {
        return transientFault;
    }
}

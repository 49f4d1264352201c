package com.canon.cps.portal.client;

/**
 * A service could not be reached, timed out or failed (5xx): the page shows that part as not available right now
 * instead of failing as a whole.
 */
public final class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is not available: " + cause.getMessage(), cause);
        this.service = service;
    }

    public ServiceUnavailable(String service, int status) {
        super(service + " answered " + status);
        this.service = service;
    }

    public String service() {
        return service;
    }
}

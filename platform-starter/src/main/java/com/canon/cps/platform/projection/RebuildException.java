package com.canon.cps.platform.projection;

/**
 * An operator's rebuild request that cannot be done; {@link ProjectionAdminController} answers it as a problem
 * ({@link NotFound} 404, {@link Conflict} 409, {@link InvalidRate} 400).
 */
public abstract sealed class RebuildException extends RuntimeException {

    RebuildException(String message) {
        super(message);
    }

    /** No projection of that name, or one never rebuilt. */
    public static final class NotFound extends RebuildException {
        NotFound(String message) {
            super(message);
        }
    }

    /** A rebuild is running, none is running to cancel, or the previous one switched moments ago. */
    public static final class Conflict extends RebuildException {
        Conflict(String message) {
            super(message);
        }
    }

    /** {@code maxRate} below one event per second. */
    public static final class InvalidRate extends RebuildException {
        InvalidRate(String message) {
            super(message);
        }
    }
}

package com.canon.cps.platform.deadletter;

/**
 * The outcome of re-driving one dead letter. A failed re-drive keeps the letter, with one more attempt.
 *
 * @param error why it failed again; null when processed
 */
public record RetryResult(String id, Outcome outcome, String error) {

    public enum Outcome {
        PROCESSED,
        FAILED
    }

    static RetryResult processed(String id) {
        return new RetryResult(id, Outcome.PROCESSED, null);
    }

    static RetryResult failed(String id, String error) {
        return new RetryResult(id, Outcome.FAILED, error);
    }
}

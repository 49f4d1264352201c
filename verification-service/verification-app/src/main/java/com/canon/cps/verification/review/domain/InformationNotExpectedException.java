package com.canon.cps.verification.review.domain;

/**
 * Information the case does not (or no longer) wait for: the case is not in {@code INFO_REQUESTED}, the request was
 * replaced by a newer one, or the case is a change of company details, for which no information is asked.
 */
public class InformationNotExpectedException extends RuntimeException {

    public InformationNotExpectedException(String message) {
        super(message);
    }
}

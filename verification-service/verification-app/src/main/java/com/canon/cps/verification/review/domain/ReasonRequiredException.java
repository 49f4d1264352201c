package com.canon.cps.verification.review.domain;

/** A rejection or a request for information without a reason: the applicant is always told why. */
public class ReasonRequiredException extends RuntimeException {

    public ReasonRequiredException() {
        super("A reason is required");
    }
}

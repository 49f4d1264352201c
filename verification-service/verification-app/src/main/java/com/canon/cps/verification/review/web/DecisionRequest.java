package com.canon.cps.verification.review.web;

/**
 * An operator's decision on a case.
 *
 * @param decision {@code APPROVE | REJECT | REQUEST_INFO}
 * @param reason required for {@code REJECT} and {@code REQUEST_INFO}; told to the applicant
 */
record DecisionRequest(String decision, String reason) {}

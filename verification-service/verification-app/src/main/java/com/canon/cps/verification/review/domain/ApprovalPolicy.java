package com.canon.cps.verification.review.domain;

/**
 * The configurable approval policy, injected into the case's command handlers.
 *
 * @param approveWhenRegistryConfirms approve a case automatically as soon as the registry confirms its VAT ID, unless
 *     an operator has already asked the applicant for more information (a person's open question wins over the
 *     policy)
 */
public record ApprovalPolicy(boolean approveWhenRegistryConfirms) {}

package com.canon.cps.verification.review.domain;

import org.axonframework.serialization.Revision;

/** The registry confirmed the VAT ID; its answer is kept as evidence. */
@Revision("1")
public record VatIdConfirmed(String caseId, String accountId, RegistryEvidence evidence) implements VerificationEvent {}

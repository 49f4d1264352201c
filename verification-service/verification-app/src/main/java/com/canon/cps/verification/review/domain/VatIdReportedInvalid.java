package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The registry answered that the VAT ID is not valid. The case stays with the operators; nothing is rejected. */
@Revision("1")
public record VatIdReportedInvalid(
        String caseId,
        String accountId,
        String registry,
        @PersonalData String vatId,
        Instant checkedAt) implements VerificationEvent {}

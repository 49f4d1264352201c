package com.canon.cps.verification.review.domain;

/** Internal events of a verification case; they never leave the service (the publisher maps them to contracts). */
sealed interface VerificationEvent
        permits VerificationCaseOpened,
                VatIdConfirmed,
                VatIdReportedInvalid,
                RegistryCheckUnavailable,
                CaseQueuedForReview,
                AccountVerified,
                AccountVerificationRejected,
                VerificationInfoRequested,
                VerificationSlaBreached,
                ChangeCaseOpened,
                CompanyChangeApproved,
                CompanyChangeRejected,
                InformationProvided,
                VerificationCaseErased {

    String caseId();

    String accountId();
}

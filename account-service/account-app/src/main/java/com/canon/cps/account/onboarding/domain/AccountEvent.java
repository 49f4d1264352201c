package com.canon.cps.account.onboarding.domain;

/** Internal events of a Business Account; they never leave the service (the publisher maps them to contracts). */
public sealed interface AccountEvent
        permits AccountApplicationSubmitted,
                AccountOpened,
                PasswordSetupIssued,
                AccountRejected,
                AccountInfoRequested,
                AccountActivated,
                PasswordResetIssued,
                PasswordChanged,
                AccountInfoProvided,
                AccountDetailsChanged,
                ContactEmailChangeRequested,
                ContactEmailChanged,
                CompanyChangeRequested,
                CompanyDetailsChanged,
                CompanyChangeRejected,
                LegacyCpsEmailGiven,
                LegacyEmailCodeIssued,
                LegacyEmailConfirmed,
                AccountErased {
    String accountId();
}

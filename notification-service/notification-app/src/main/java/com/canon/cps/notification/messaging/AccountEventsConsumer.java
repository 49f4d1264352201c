package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountDetailsChanged;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.AccountRejected;
import com.canon.cps.account.contract.CompanyChangeRejected;
import com.canon.cps.account.contract.CompanyDetailsChanged;
import com.canon.cps.account.contract.ContactEmailChanged;
import com.canon.cps.account.contract.ContactEmailConfirmationIssuedV2;
import com.canon.cps.account.contract.LegacyEmailCodeIssuedV2;
import com.canon.cps.account.contract.PasswordChanged;
import com.canon.cps.account.contract.PasswordResetIssuedV2;
import com.canon.cps.account.contract.PasswordSetupIssuedV2;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events} (binding {@code accountEvents-in-0}): the applicant hears that the application arrived, that it was
 * approved (with the password-setup link) or rejected (with the reason, no link); a member who forgot the password
 * gets the reset link (by e-mail only, no bell). The member's own changes: a changed password is told (no link); a new
 * contact e-mail gets its confirmation link at the new address, and once confirmed the previous address is told; an
 * approved or refused change of company details is told (with the reason); the code for the old CPS e-mail goes to
 * that old address. Changed names, language, e-mail and company name update the recipient directory first. Each
 * source event yields each notification at most once (inbox + send-log keys). Link tokens and codes arrive sealed for
 * this service and are opened only to write the mail ({@link com.canon.cps.notification.SealKeys}). An erased
 * account's data is purged, and nothing is written for it afterwards. The information-request e-mail is written from
 * {@code cps.verification.events}, whose record carries the answer link; account-service's
 * {@code AccountInfoRequested} needs none.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            WhenAccountApplicationSubmittedThenConfirmReceipt submitted,
            WhenPasswordSetupIssuedThenAnnounceApproval passwordSetup,
            WhenPasswordResetIssuedThenMailResetLink passwordReset,
            WhenAccountRejectedThenTellReason rejected,
            WhenPasswordChangedThenMailNotice passwordChanged,
            WhenAccountDetailsChangedThenUpdateRecipient detailsChanged,
            WhenContactEmailConfirmationIssuedThenMailConfirmationLink emailConfirmation,
            WhenContactEmailChangedThenTellPreviousAddress emailChanged,
            WhenCompanyDetailsChangedThenAnnounceApproval companyChanged,
            WhenCompanyChangeRejectedThenTellReason companyChangeRejected,
            WhenLegacyEmailCodeIssuedThenMailCode legacyEmailCode,
            WhenAccountErasedThenPurge erased) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, submitted)
                .on(PasswordSetupIssuedV2.TYPE, PasswordSetupIssuedV2.class, passwordSetup)
                .on(PasswordResetIssuedV2.TYPE, PasswordResetIssuedV2.class, passwordReset)
                .on(AccountRejected.TYPE, AccountRejected.class, rejected)
                .on(PasswordChanged.TYPE, PasswordChanged.class, passwordChanged)
                .on(AccountDetailsChanged.TYPE, AccountDetailsChanged.class, detailsChanged)
                .on(ContactEmailConfirmationIssuedV2.TYPE, ContactEmailConfirmationIssuedV2.class, emailConfirmation)
                .on(ContactEmailChanged.TYPE, ContactEmailChanged.class, emailChanged)
                .on(CompanyDetailsChanged.TYPE, CompanyDetailsChanged.class, companyChanged)
                .on(CompanyChangeRejected.TYPE, CompanyChangeRejected.class, companyChangeRejected)
                .on(LegacyEmailCodeIssuedV2.TYPE, LegacyEmailCodeIssuedV2.class, legacyEmailCode)
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }
}

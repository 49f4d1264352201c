package com.canon.cps.notification;

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
 * Consumes {@code cps.account.events}: the applicant hears that the application arrived, that it was approved (with
 * the password-setup link) or rejected (with the reason, no link); a member who forgot the password gets the reset
 * link (by e-mail only, no bell). The member's own changes: a changed password is told (no link); a new contact
 * e-mail gets its confirmation link at the new address, and once confirmed the previous address is told; an approved
 * or refused change of company details is told (with the reason); the code for the old CPS e-mail goes to that old
 * address. Changed names, language, e-mail and company name update the recipient directory first. Each source event
 * yields each notification at most once (inbox + send-log keys). Link tokens and codes arrive sealed for this service
 * and are opened only to write the mail ({@link SealKeys}). An erased account's data is purged
 * ({@link WhenAccountErasedThenPurge}), and nothing is written for it afterwards.
 */
@Configuration(proxyBeanMethods = false)
class WhenAccountEventThenNotify {

    static final String RECEIVED = "application-received";
    static final String APPROVED = "account-approved";
    static final String REJECTED = "application-rejected";
    static final String INFO_REQUESTED = "information-requested";
    static final String PASSWORD_RESET = "password-reset";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String CONTACT_EMAIL_CONFIRMATION = "contact-email-confirmation";
    static final String CONTACT_EMAIL_CHANGED = "contact-email-changed";
    static final String COMPANY_CHANGE_APPROVED = "company-change-approved";
    static final String COMPANY_CHANGE_REJECTED = "company-change-rejected";
    static final String LEGACY_EMAIL_CODE = "legacy-email-code";

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            Notifications notifications,
            PortalLinks links,
            SealKeys keys,
            WhenAccountErasedThenPurge accountErased) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, event -> {
                    AccountApplicationSubmitted a = event.data();
                    notifications.rememberRecipient(
                            a.accountId(), a.contactEmail(), a.contactName(), a.companyName(), a.language());
                    notifications.notify(event.id(), RECEIVED, a.accountId());
                })
                // the approval e-mail is the one that carries the link; AccountOpened itself needs no notification
                .on(PasswordSetupIssuedV2.TYPE, PasswordSetupIssuedV2.class, event -> {
                    PasswordSetupIssuedV2 p = event.data();
                    notifications.notifyWithSecret(
                            event.id(),
                            APPROVED,
                            p.accountId(),
                            links.setPassword(keys.fromAccount(event, p.sealedToken())),
                            p.expiresAt());
                })
                .on(PasswordResetIssuedV2.TYPE, PasswordResetIssuedV2.class, event -> {
                    PasswordResetIssuedV2 p = event.data();
                    notifications.mailWithSecret(
                            event.id(),
                            PASSWORD_RESET,
                            p.accountId(),
                            links.resetPassword(keys.fromAccount(event, p.sealedToken())),
                            p.expiresAt());
                })
                .on(
                        AccountRejected.TYPE,
                        AccountRejected.class,
                        event -> notifications.notify(
                                event.id(),
                                REJECTED,
                                event.data().accountId(),
                                event.data().reason()))
                // the information-request e-mail is written from cps.verification.events, whose record carries the
                // answer link (WhenVerificationEventThenNotify); account-service's AccountInfoRequested needs none
                .on(
                        PasswordChanged.TYPE,
                        PasswordChanged.class,
                        event -> notifications.mail(
                                event.id(),
                                PASSWORD_CHANGED,
                                event.data().accountId(),
                                event.data().changedAt()))
                .on(
                        AccountDetailsChanged.TYPE,
                        AccountDetailsChanged.class,
                        event -> notifications.recipientDetailsChanged(
                                event.data().accountId(),
                                event.data().contactName(),
                                event.data().language()))
                .on(ContactEmailConfirmationIssuedV2.TYPE, ContactEmailConfirmationIssuedV2.class, event -> {
                    ContactEmailConfirmationIssuedV2 c = event.data();
                    notifications.mailTo(
                            event.id(),
                            CONTACT_EMAIL_CONFIRMATION,
                            c.accountId(),
                            c.newContactEmail(),
                            true,
                            links.confirmEmail(keys.fromAccount(event, c.sealedToken())),
                            c.expiresAt());
                })
                .on(ContactEmailChanged.TYPE, ContactEmailChanged.class, event -> {
                    ContactEmailChanged c = event.data();
                    notifications.recipientEmailChanged(c.accountId(), c.contactEmail());
                    notifications.mailTo(
                            event.id(),
                            CONTACT_EMAIL_CHANGED,
                            c.accountId(),
                            c.previousContactEmail(),
                            false,
                            c.contactEmail());
                })
                .on(CompanyDetailsChanged.TYPE, CompanyDetailsChanged.class, event -> {
                    CompanyDetailsChanged c = event.data();
                    notifications.recipientCompanyChanged(c.accountId(), c.companyName());
                    notifications.notify(
                            event.id(),
                            COMPANY_CHANGE_APPROVED,
                            c.accountId(),
                            c.vatId() == null
                                    ? ""
                                    : MailTemplates.Text.of("company-change-approved.vat-id", c.vatId()));
                })
                .on(
                        CompanyChangeRejected.TYPE,
                        CompanyChangeRejected.class,
                        event -> notifications.notify(
                                event.id(),
                                COMPANY_CHANGE_REJECTED,
                                event.data().accountId(),
                                event.data().companyName(),
                                event.data().reason()))
                .on(LegacyEmailCodeIssuedV2.TYPE, LegacyEmailCodeIssuedV2.class, event -> {
                    LegacyEmailCodeIssuedV2 c = event.data();
                    notifications.mailTo(
                            event.id(),
                            LEGACY_EMAIL_CODE,
                            c.accountId(),
                            c.legacyCpsEmail(),
                            true,
                            keys.fromAccount(event, c.sealedCode()),
                            c.expiresAt());
                })
                .on(AccountErased.TYPE, AccountErased.class, accountErased)
                .build();
    }
}

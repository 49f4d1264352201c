package com.canon.cps.notification;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountInfoRequested;
import com.canon.cps.account.contract.AccountRejected;
import com.canon.cps.account.contract.PasswordResetIssued;
import com.canon.cps.account.contract.PasswordSetupIssued;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events}: the applicant hears that the application arrived, that it was approved (with
 * the password-setup link), rejected (with the reason, no link) or that more information is needed (with what); a
 * member who forgot the password gets the reset link (by e-mail only, no bell). Each source event yields each
 * notification at most once (inbox + send-log keys).
 */
@Configuration(proxyBeanMethods = false)
class WhenAccountEventThenNotify {

    static final String RECEIVED = "application-received";
    static final String APPROVED = "account-approved";
    static final String REJECTED = "application-rejected";
    static final String INFO_REQUESTED = "information-requested";
    static final String PASSWORD_RESET = "password-reset";

    @Bean
    Consumer<Message<byte[]>> accountEvents(EventInbox inbox, Notifications notifications, PortalLinks links) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, event -> {
                    AccountApplicationSubmitted a = event.data();
                    notifications.rememberRecipient(
                            a.accountId(), a.contactEmail(), a.contactName(), a.companyName(), a.language());
                    notifications.notify(event.id(), RECEIVED, a.accountId());
                })
                // the approval e-mail is the one that carries the link; AccountOpened itself needs no notification
                .on(PasswordSetupIssued.TYPE, PasswordSetupIssued.class, event -> {
                    PasswordSetupIssued p = event.data();
                    notifications.notifyWithSecret(
                            event.id(), APPROVED, p.accountId(), links.setPassword(p.token()), p.expiresAt());
                })
                .on(PasswordResetIssued.TYPE, PasswordResetIssued.class, event -> {
                    PasswordResetIssued p = event.data();
                    notifications.mailWithSecret(
                            event.id(), PASSWORD_RESET, p.accountId(), links.resetPassword(p.token()), p.expiresAt());
                })
                .on(
                        AccountRejected.TYPE,
                        AccountRejected.class,
                        event -> notifications.notify(
                                event.id(),
                                REJECTED,
                                event.data().accountId(),
                                event.data().reason()))
                .on(
                        AccountInfoRequested.TYPE,
                        AccountInfoRequested.class,
                        event -> notifications.notify(
                                event.id(),
                                INFO_REQUESTED,
                                event.data().accountId(),
                                event.data().reason()))
                .build();
    }
}

package com.canon.cps.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification-service settings ({@code cps.notification.*}).
 *
 * @param sender the do-not-reply sender of every e-mail
 * @param maxAttempts sending attempts before a mail is marked FAILED
 * @param passwordLinkBase the password-setup page; the link in the approval e-mail is this followed by the token
 * @param resetLinkBase the password-reset page; the link in the password-reset e-mail is this followed by the token
 * @param portalBaseUrl the portal (behind the entry point) that e-mails link to: {@code /products},
 *     {@code /subscriptions}, {@code /invoices/{invoiceId}} under it
 */
@ConfigurationProperties("cps.notification")
public record NotificationSettings(
        @DefaultValue("donotreply@canon-europe.com") String sender,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("500ms") Duration pollInterval,

        @DefaultValue("http://localhost:8080/set-password?token=")
        String passwordLinkBase,

        @DefaultValue("http://localhost:8080/reset-password?token=")
        String resetLinkBase,

        @DefaultValue("http://localhost:8080") String portalBaseUrl) {}

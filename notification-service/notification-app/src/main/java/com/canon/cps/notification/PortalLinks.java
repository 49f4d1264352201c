package com.canon.cps.notification;

import com.canon.cps.notification.MailTemplates.Link;
import com.canon.cps.notification.config.NotificationSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The portal pages e-mails link to, under {@code cps.notification.portal-base-url}: MY PRODUCTS ({@code /products}),
 * MY SUBSCRIPTIONS ({@code /subscriptions}) and an invoice ({@code /invoices/{invoiceId}}); and the password links,
 * whose pages take the single-use token ({@code password-link-base}, {@code reset-link-base}).
 */
@Component
public class PortalLinks {

    private final NotificationSettings settings;

    PortalLinks(NotificationSettings settings) {
        this.settings = settings;
    }

    public Link products() {
        return new Link("link.products", page("/products"));
    }

    public Link subscriptions() {
        return new Link("link.subscriptions", page("/subscriptions"));
    }

    public Link invoice(String invoiceId) {
        return new Link("link.invoice", page("/invoices/" + encode(invoiceId)));
    }

    /** The page that confirms a new contact e-mail ({@code /confirm-email?token=}). */
    public Link confirmEmail(String token) {
        return new Link("link.confirm-email", page("/confirm-email?token=" + encode(token)));
    }

    /** The page where an applicant answers an information request ({@code /apply/information?token=}). */
    public Link answerInformation(String token) {
        return new Link("link.answer-information", page("/apply/information?token=" + encode(token)));
    }

    public Link setPassword(String token) {
        return new Link("link.set-password", settings.passwordLinkBase() + encode(token));
    }

    public Link resetPassword(String token) {
        return new Link("link.reset-password", settings.resetLinkBase() + encode(token));
    }

    private String page(String path) {
        String base = settings.portalBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}

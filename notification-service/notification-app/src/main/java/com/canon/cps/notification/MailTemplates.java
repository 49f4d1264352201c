package com.canon.cps.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/** E-mail texts in English and German ({@code mail/notifications_<lang>.properties}), chosen by the account's language. */
@Component
class MailTemplates {

    record Rendered(String subject, String title, String body) {}

    Rendered render(String kind, String language, Object... arguments) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle("mail/notifications", locale, NO_FALLBACK);
        return new Rendered(
                format(bundle.getString(kind + ".subject"), locale, arguments),
                format(bundle.getString(kind + ".title"), locale, arguments),
                format(bundle.getString(kind + ".body"), locale, arguments));
    }

    private static String format(String pattern, Locale locale, Object... arguments) {
        return new MessageFormat(pattern.replace("'", "''"), locale).format(arguments);
    }

    /** English is the base bundle; never fall back to the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}

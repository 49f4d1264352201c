package com.canon.cps.notification;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * E-mail texts in English and German ({@code mail/notifications_<lang>.properties}), chosen by the account's language.
 * Instants in the arguments are written as UTC date and time in the language's usual form (the recipient's time zone
 * is not known; saying "UTC" keeps the time unambiguous). Dates are written as the language writes them, amounts as
 * {@link Amount#format} does. A {@link Text} argument is a further text of the bundle (a part that depends on the
 * event, such as the payment instructions of an invoice), rendered in the same language with the same rules. A
 * {@link Link} argument is a link to the portal: each e-mail has a plain-text part and an HTML part ({@link MailHtml})
 * with the same words.
 */
@Component
public class MailTemplates {

    /** The texts of one e-mail: {@code body} is the plain-text part, {@code html} the HTML part. */
    record Rendered(String subject, String title, String body, String html) {}

    /**
     * A link to a page of the portal (or a password link), as an argument: in the text it is written as its URL; the
     * HTML part shows it as an anchor and as a button labelled with the bundle's text {@code labelKey}. A link the
     * body does not mention is added to the plain text as "label: URL" before the closing line.
     */
    public record Link(String labelKey, String url) {}

    /**
     * The text {@code key} of the bundle with its own arguments, for use as an argument; {@code fallback} stands in
     * when the bundle has no such key (e.g. a reason code the texts do not know yet).
     */
    public record Text(String key, String fallback, Object... arguments) {

        public static Text of(String key, Object... arguments) {
            return new Text(key, null, arguments);
        }

        public static Text withFallback(String key, String fallback) {
            return new Text(key, fallback);
        }
    }

    private static final DateTimeFormatter GERMAN_TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ENGLISH_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    Rendered render(String kind, String language, Object... arguments) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle("mail/notifications", locale, NO_FALLBACK);
        Object[] args = arguments(bundle, locale, arguments);
        String subject = format(bundle.getString(kind + ".subject"), locale, args);
        String title = format(bundle.getString(kind + ".title"), locale, args);
        String body = format(bundle.getString(kind + ".body"), locale, args);
        List<MailHtml.Button> buttons = Arrays.stream(arguments)
                .filter(Link.class::isInstance)
                .map(Link.class::cast)
                .map(l -> new MailHtml.Button(bundle.getString(l.labelKey()), l.url()))
                .toList();
        String html =
                MailHtml.render(locale.getLanguage(), subject, title, body, buttons, bundle.getString("mail.footer"));
        return new Rendered(subject, title, withLinks(body, buttons), html);
    }

    /** The plain text with each link it does not show yet as "label: URL", before the closing line. */
    private static String withLinks(String body, List<MailHtml.Button> buttons) {
        StringBuilder lines = new StringBuilder();
        for (MailHtml.Button b : buttons) {
            if (!body.contains(b.url())) {
                lines.append(b.label()).append(": ").append(b.url()).append('\n');
            }
        }
        if (lines.isEmpty()) {
            return body;
        }
        int closing = body.lastIndexOf("\n\n");
        return closing < 0
                ? body + "\n\n" + lines.toString().strip()
                : body.substring(0, closing) + "\n\n" + lines.toString().strip() + body.substring(closing);
    }

    private static Object[] arguments(ResourceBundle bundle, Locale locale, Object... arguments) {
        return Arrays.stream(arguments).map(a -> argument(bundle, locale, a)).toArray();
    }

    private static Object argument(ResourceBundle bundle, Locale locale, Object argument) {
        if (argument instanceof Instant instant) {
            return time(instant, locale);
        }
        if (argument instanceof LocalDate date) {
            return (Locale.GERMAN.equals(locale) ? GERMAN_DATE : ENGLISH_DATE).format(date);
        }
        if (argument instanceof Amount amount) {
            return amount.format(locale);
        }
        if (argument instanceof Link link) {
            return link.url();
        }
        if (argument instanceof Text text) {
            if (text.fallback() != null && !bundle.containsKey(text.key())) {
                return text.fallback();
            }
            return format(bundle.getString(text.key()), locale, arguments(bundle, locale, text.arguments()));
        }
        return argument;
    }

    private static String time(Instant instant, Locale locale) {
        return (Locale.GERMAN.equals(locale) ? GERMAN_TIME : ENGLISH_TIME).format(instant);
    }

    private static String format(String pattern, Locale locale, Object... arguments) {
        return new MessageFormat(pattern.replace("'", "''"), locale).format(arguments);
    }

    /** English is the base bundle; never fall back to the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}

package com.canon.cps.portal.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The portal's own German texts (its message bundle), for the German walk: the English tests spell docs/api.md's labels
 * out literally, so a changed English label fails them; the German ones follow the bundle.
 */
final class Texts {

    private final Properties texts = new Properties();
    private final Locale locale;

    private Texts(String language) {
        this.locale = Locale.forLanguageTag(language);
        String resource = "messages/portal_" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            texts.load(new InputStreamReader(Objects.requireNonNull(in, resource), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Texts german() {
        return new Texts("de");
    }

    String get(String key, Object... args) {
        String text = Objects.requireNonNull(texts.getProperty(key), key);
        return new MessageFormat(text, locale).format(args); // as the portal does (always-use-message-format)
    }
}

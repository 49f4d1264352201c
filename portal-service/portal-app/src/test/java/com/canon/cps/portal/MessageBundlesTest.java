package com.canon.cps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of the portal exists in both languages: the two bundles have the same keys, none twice, no text is empty, and every
 * message key a template names literally ({@code #{products.heading}}) is in the bundles. A key missing in one
 * language would show as {@code ??key??} on that language's pages.
 */
class MessageBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");

    @Test
    void englishAndGermanHaveTheSameKeys_noneEmpty() throws IOException {
        for (String bundle : new String[] {"portal", "backoffice"}) {
            Properties en = load("messages/" + bundle + "_en.properties");
            Properties de = load("messages/" + bundle + "_de.properties");
            assertThat(new TreeSet<>(de.stringPropertyNames()))
                    .as("keys of %s_de vs %s_en", bundle, bundle)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            en.forEach((key, text) -> assertThat((String) text).as("en %s", key).isNotBlank());
            de.forEach((key, text) -> assertThat((String) text).as("de %s", key).isNotBlank());
            // every text goes through MessageFormat (always-use-message-format): a lone apostrophe would vanish
            for (Properties texts : List.of(en, de)) {
                texts.forEach((key, text) -> assertThat((String) text)
                        .as("%s: write an apostrophe as ''", key)
                        .doesNotContainPattern("(?<!')'(?!')"));
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>(load("messages/portal_en.properties").stringPropertyNames());
        keys.addAll(load("messages/backoffice_en.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A bundle, refused when it gives a key twice (the later text would silently win on every page using it). */
    private static Properties load(String resource) throws IOException {
        Set<String> twice = new TreeSet<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    twice.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(twice).as("keys given twice in %s", resource).isEmpty();
        return properties;
    }
}

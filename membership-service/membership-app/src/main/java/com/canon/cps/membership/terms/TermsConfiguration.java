package com.canon.cps.membership.terms;

import com.canon.cps.membership.config.MembershipSettings;
import com.canon.cps.platform.security.PublicEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads every published version's texts at start-up (a missing text stops the start); the terms need no token. */
@Configuration(proxyBeanMethods = false)
class TermsConfiguration {

    @Bean
    TermsCatalogue termsCatalogue(MembershipSettings settings, ResourceLoader resources) {
        return new TermsCatalogue(
                settings.terms().stream()
                        .map(t -> new TermsCatalogue.Version(t.version(), t.publishedOn(), texts(t, resources)))
                        .toList(),
                settings.termsVersion());
    }

    @Bean
    PublicEndpoints termsEndpoints() {
        return PublicEndpoints.of("GET " + TermsController.PATH);
    }

    private static Map<String, String> texts(MembershipSettings.TermsSetting terms, ResourceLoader resources) {
        Map<String, String> texts = new HashMap<>();
        if (terms.text() != null) {
            terms.text()
                    .forEach((language, location) -> texts.put(
                            language.toLowerCase(Locale.ROOT), read(resources.getResource(location), terms.version())));
        }
        return texts;
    }

    private static String read(Resource resource, String version) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cps.membership.terms: no text of version " + version + " at " + resource, e);
        }
    }
}

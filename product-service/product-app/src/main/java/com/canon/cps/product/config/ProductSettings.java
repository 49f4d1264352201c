package com.canon.cps.product.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * product-service settings ({@code cps.product.*}).
 *
 * @param catalog where the catalogue versions are read from
 * @param incompleteReminderAfter how long after the registration an incomplete one reminds its member (once)
 */
@ConfigurationProperties("cps.product")
public record ProductSettings(
        @DefaultValue Catalog catalog, @DefaultValue("P30D") Duration incompleteReminderAfter) {

    /**
     * @param locations Spring resource locations of the catalogue versions (one YAML file per version); every
     *     version ever in force must stay listed, because the version in force is chosen by date
     */
    public record Catalog(
            @DefaultValue("classpath:catalog/catalog-v1.yml")
            List<String> locations) {}
}

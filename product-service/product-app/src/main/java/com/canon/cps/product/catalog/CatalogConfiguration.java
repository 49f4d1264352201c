package com.canon.cps.product.catalog;

import com.canon.cps.product.config.ProductSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads every configured catalogue version at start-up; a broken file stops the service. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog(ProductSettings settings, ResourceLoader resources) {
        List<CatalogVersion> versions = new ArrayList<>();
        for (String location : settings.catalog().locations()) {
            Resource resource = resources.getResource(location.trim());
            try (InputStream in = resource.getInputStream()) {
                versions.add(CatalogFile.read(in, location));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read catalogue " + location, e);
            }
        }
        return new Catalog(versions);
    }
}

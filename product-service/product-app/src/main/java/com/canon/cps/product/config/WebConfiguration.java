package com.canon.cps.product.config;

import com.canon.cps.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue is public (it is what a visitor sees before applying); everything else needs a token. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of("GET /api/catalog");
    }
}

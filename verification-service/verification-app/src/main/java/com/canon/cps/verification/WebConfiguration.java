package com.canon.cps.verification;

import com.canon.cps.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(
                "GET /api/verification/vat-ids/*",
                "POST /api/verification/documents",
                "GET /api/verification/decision-due");
    }
}

package com.canon.cps.account.config;

import com.canon.cps.account.auth.web.JwksController;
import com.canon.cps.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(
                "POST /api/accounts",
                "GET /api/accounts/applications/*",
                "POST /api/accounts/password",
                "POST /api/accounts/me/email-confirmation",
                "POST /api/auth/login",
                "POST /api/auth/refresh",
                "POST /api/auth/logout",
                "POST /api/auth/password-reset",
                "GET " + JwksController.PATH);
    }
}

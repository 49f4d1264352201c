package com.canon.cps.account.auth;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the refresh-token revocation as a subscribing processor (see {@link RefreshTokenRevocation} for why). */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    ConfigurerModule refreshTokenRevocationProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(RefreshTokenRevocation.PROCESSING_GROUP));
    }
}

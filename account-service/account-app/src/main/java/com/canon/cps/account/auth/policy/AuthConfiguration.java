package com.canon.cps.account.auth.policy;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the refresh-token revocation as a subscribing processor (see {@link WhenPasswordChangedThenRevokeRefreshTokens} for why). */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    ConfigurerModule refreshTokenRevocationProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSubscribingEventProcessor(
                WhenPasswordChangedThenRevokeRefreshTokens.PROCESSING_GROUP));
    }
}

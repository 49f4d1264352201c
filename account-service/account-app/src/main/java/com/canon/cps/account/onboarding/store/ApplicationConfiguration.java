package com.canon.cps.account.onboarding.store;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the contact-e-mail claims as a subscribing processor (see {@link ContactEmailClaims} for why). */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ConfigurerModule contactEmailClaimProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(ContactEmailClaims.PROCESSING_GROUP));
    }
}

package com.canon.cps.account.profile.store;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the confirmation-link store as a subscribing processor (see {@link ContactEmailLinks} for why). */
@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

    @Bean
    ConfigurerModule contactEmailLinkProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(ContactEmailLinks.PROCESSING_GROUP));
    }
}

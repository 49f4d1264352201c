package com.canon.cps.account.legacy.store;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the code store as a subscribing processor (see {@link LegacyEmailCodeStore} for why). */
@Configuration(proxyBeanMethods = false)
class LegacyEmailConfiguration {

    @Bean
    ConfigurerModule legacyEmailCodeProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(LegacyEmailCodeStore.PROCESSING_GROUP));
    }
}

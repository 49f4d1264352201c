package com.canon.cps.account.erasure.policy;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the cleanup in the transaction of {@code AccountErased} (see {@link WhenAccountErasedThenDeleteLocalData} for why). */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    @Bean
    ConfigurerModule accountErasureCleanupProcessor() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(WhenAccountErasedThenDeleteLocalData.PROCESSING_GROUP));
    }
}

package com.canon.cps.account.password;

import com.canon.cps.account.password.store.SetupLinkStore;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the setup-link store as a subscribing processor (see {@link SetupLinkStore} for why). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    ConfigurerModule setupLinkProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(SetupLinkStore.PROCESSING_GROUP));
    }
}

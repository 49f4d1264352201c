package com.canon.cps.shapegood.card.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fixture: the consumer of one topic. */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<byte[]> accountEvents() {
        return bytes -> {};
    }
}

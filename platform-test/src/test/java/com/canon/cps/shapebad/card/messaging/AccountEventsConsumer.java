package com.canon.cps.shapebad.card.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fixture (R1 violated): a public consumer configuration. */
@Configuration(proxyBeanMethods = false)
public class AccountEventsConsumer {

    @Bean
    Consumer<byte[]> accountEvents() {
        return bytes -> {};
    }
}

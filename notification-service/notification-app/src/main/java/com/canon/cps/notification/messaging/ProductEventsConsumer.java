package com.canon.cps.notification.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.product.contract.ProductStillIncomplete;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.product.events} (binding {@code productEvents-in-0}): a registration still incomplete a reminder period after it
 * was made, as an e-mail and a bell entry, at most once per source event.
 */
@Configuration(proxyBeanMethods = false)
class ProductEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> productEvents(EventInbox inbox, WhenProductStillIncompleteThenRemind stillIncomplete) {
        return inbox.consumer("productEvents")
                .on(ProductStillIncomplete.TYPE, ProductStillIncomplete.class, stillIncomplete)
                .build();
    }
}

package com.canon.cps.points.ledger.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.product.contract.ProductDeregistered;
import com.canon.cps.product.contract.ProductDetailsCompleted;
import com.canon.cps.product.contract.ProductRegistered;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.product.events} (binding {@code productEvents-in-0}, derived from {@code cps.consumes}). The
 * inbox drops redeliveries of a record; the ledger itself ignores repeats and late arrivals of the same fact, so the
 * same event published twice under different ids changes nothing either. {@code ProductsMigrated} needs no handling:
 * every migrated product also arrives as its own {@code ProductRegistered}.
 */
@Configuration(proxyBeanMethods = false)
class ProductEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> productEvents(
            EventInbox inbox,
            WhenProductRegisteredThenRecordRegistration registered,
            WhenProductDetailsCompletedThenRecordCompletion completed,
            WhenProductDeregisteredThenRecordDeregistration deregistered) {
        return inbox.consumer("productEvents")
                .on(ProductRegistered.TYPE, ProductRegistered.class, registered)
                .on(ProductDetailsCompleted.TYPE, ProductDetailsCompleted.class, completed)
                .on(ProductDeregistered.TYPE, ProductDeregistered.class, deregistered)
                .build();
    }
}

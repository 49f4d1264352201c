package com.canon.cps.product.registration.web;

import com.canon.cps.product.registration.domain.ProductRegistered;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The model a registration was made for, read from its {@code ProductRegistered} event in the event store (not the
 * read model, which may lag behind a registration just made): a serial number given later is claimed per model.
 */
@Component
class RegisteredModels {

    private final EventStore events;

    RegisteredModels(EventStore events) {
        this.events = events;
    }

    /** The model of the account's registration {@code productId}; empty for none, or another account's. */
    Optional<String> modelOf(String productId, String accountId) {
        return events.readEvents(productId)
                .asStream()
                .map(m -> m.getPayload())
                .filter(ProductRegistered.class::isInstance)
                .map(ProductRegistered.class::cast)
                .filter(e -> e.accountId().equals(accountId))
                .map(ProductRegistered::modelCode)
                .findFirst();
    }
}

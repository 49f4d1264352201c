package com.canon.cps.product.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.product.contract.ProductDeregistered;
import com.canon.cps.product.contract.ProductDetailsCompleted;
import com.canon.cps.product.contract.ProductRegistered;
import com.canon.cps.product.contract.ProductsMigrated;
import com.canon.cps.product.migration.domain.MigrationEvent;
import com.canon.cps.product.registration.domain.MissingDetail;
import com.canon.cps.product.registration.domain.ProductEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Internal product and migration events to the published contract of {@code cps.product.events} (key = account id).
 * Detail changes that do not complete a registration, and the preparation of a migration, stay internal.
 */
@Component
class ProductEventsPublisher implements ContractEventMapper {

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ProductEvent event) {
            return product(event);
        }
        if (payload instanceof MigrationEvent event) {
            return migration(event);
        }
        return Optional.empty();
    }

    private static Optional<OutboundEvent> product(ProductEvent event) {
        String account = event.accountId();
        if (event instanceof com.canon.cps.product.registration.domain.ProductRegistered e) {
            return Optional.of(new OutboundEvent(
                    ProductRegistered.TYPE,
                    account,
                    new ProductRegistered(
                            account,
                            e.productId(),
                            e.modelCode(),
                            e.serialNumber(),
                            e.points(),
                            e.details().complete(),
                            e.details().missingDetails().stream()
                                    .map(MissingDetail::name)
                                    .toList(),
                            e.migrated(),
                            e.registeredAt())));
        }
        if (event instanceof com.canon.cps.product.registration.domain.ProductDetailsCompleted e) {
            return Optional.of(new OutboundEvent(
                    ProductDetailsCompleted.TYPE,
                    account,
                    new ProductDetailsCompleted(
                            account, e.productId(), e.modelCode(), e.points(), true, e.completedAt())));
        }
        if (event instanceof com.canon.cps.product.registration.domain.ProductDeregistered e) {
            return Optional.of(new OutboundEvent(
                    ProductDeregistered.TYPE,
                    account,
                    new ProductDeregistered(
                            account, e.productId(), e.modelCode(), e.points(), e.wasComplete(), e.deregisteredAt())));
        }
        return Optional.empty(); // ProductDetailsUpdated: what consumers need follows as ProductDetailsCompleted
    }

    private static Optional<OutboundEvent> migration(MigrationEvent event) {
        if (event instanceof com.canon.cps.product.migration.domain.ProductsMigrated e) {
            return Optional.of(new OutboundEvent(
                    ProductsMigrated.TYPE,
                    e.accountId(),
                    new ProductsMigrated(
                            e.accountId(), e.productIds(), e.productIds().size(), e.migratedAt())));
        }
        return Optional.empty(); // LegacyMigrationPrepared: holds the old e-mail, which stays in this service
    }
}

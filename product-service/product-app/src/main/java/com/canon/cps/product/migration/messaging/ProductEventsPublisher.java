package com.canon.cps.product.migration.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.product.contract.ProductDeregistered;
import com.canon.cps.product.contract.ProductDetailsCompleted;
import com.canon.cps.product.contract.ProductRegistered;
import com.canon.cps.product.contract.ProductStillIncomplete;
import com.canon.cps.product.contract.ProductsMigrated;
import com.canon.cps.product.migration.domain.MigrationEvent;
import com.canon.cps.product.registration.domain.MissingDetail;
import com.canon.cps.product.registration.domain.ProductEvent;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.SerialNumberGiven;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Internal product and migration events to the published contract of {@code cps.product.events} (key = account id).
 * Detail changes that do not complete a registration, and the preparation of a migration, stay internal. A
 * registration made without a serial number is published as {@code ProductRegistered.v1} (where the serial number is
 * mandatory) when it gets one.
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
            if (e.serialNumber() == null) {
                return Optional.empty(); // published once it has its serial number (SerialNumberGiven)
            }
            return Optional.of(registered(
                    account,
                    e.productId(),
                    e.modelCode(),
                    e.serialNumber(),
                    e.points(),
                    e.details(),
                    e.migrated(),
                    e.registeredAt()));
        }
        if (event instanceof SerialNumberGiven e) {
            return Optional.of(registered(
                    account,
                    e.productId(),
                    e.modelCode(),
                    e.serialNumber(),
                    e.points(),
                    e.details(),
                    e.migrated(),
                    e.registeredAt()));
        }
        if (event instanceof com.canon.cps.product.registration.domain.ProductStillIncomplete e) {
            return Optional.of(new OutboundEvent(
                    ProductStillIncomplete.TYPE,
                    account,
                    new ProductStillIncomplete(
                            account,
                            e.productId(),
                            e.modelCode(),
                            e.modelName(),
                            e.missingDetails().stream().map(MissingDetail::name).toList(),
                            e.points(),
                            e.registeredAt(),
                            e.remindedAt())));
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

    /**
     * {@code ProductRegistered.v1} (serial number mandatory there): at registration, or for a registration made
     * without one when its serial number is given, with its state at that moment.
     */
    private static OutboundEvent registered(
            String account,
            String productId,
            String modelCode,
            String serialNumber,
            int points,
            PurchaseDetails details,
            boolean migrated,
            Instant registeredAt) {
        return new OutboundEvent(
                ProductRegistered.TYPE,
                account,
                new ProductRegistered(
                        account,
                        productId,
                        modelCode,
                        serialNumber,
                        points,
                        MissingDetail.complete(serialNumber, details),
                        MissingDetail.of(serialNumber, details).stream()
                                .map(MissingDetail::name)
                                .toList(),
                        migrated,
                        registeredAt));
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

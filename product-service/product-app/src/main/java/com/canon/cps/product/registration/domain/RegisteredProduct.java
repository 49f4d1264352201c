package com.canon.cps.product.registration.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One product registered to one account, from registration to deregistration.
 *
 * <p>Invariants: only the owning account can change or remove it (to anyone else it does not exist); the points are
 * those it was registered with; the serial number may come later, once, and never changes after; it becomes complete
 * once (serial number, purchase date, country and dealer all given; nothing is ever removed) and only then earns its
 * points; an incomplete registration reminds its member once, a reminder period after it was made; after deregistration
 * it is gone. Serial-number uniqueness spans aggregates and is therefore guarded outside, by the claim written in the
 * same transaction.
 */
@Aggregate(cache = "aggregateCache")
class RegisteredProduct {

    @AggregateIdentifier
    private String productId;

    private String accountId;
    private String modelCode;
    private String modelName;
    private String category;
    private String serialNumber;
    private int points;
    private PurchaseDetails details;
    private boolean migrated;
    private Instant registeredAt;
    private boolean reminded;

    protected RegisteredProduct() {}

    @CommandHandler
    public RegisteredProduct(RegisterProduct command) {
        command.details().requireNotInFuture(command.registeredAt());
        apply(new ProductRegistered(
                command.productId(),
                command.accountId(),
                command.modelCode(),
                command.modelName(),
                command.category(),
                command.catalogVersion(),
                command.points(),
                command.serialNumber() == null || command.serialNumber().isBlank()
                        ? null
                        : command.serialNumber().strip(),
                command.details(),
                command.migrated(),
                command.registeredAt()));
    }

    @CommandHandler
    RegistrationState handle(UpdateProductDetails command) {
        requireOwner(command.accountId());
        PurchaseDetails updated = details.with(command.change());
        updated.requireNotInFuture(command.updatedAt());
        String givenSerial = newSerialNumber(command.serialNumber());
        boolean wasComplete = MissingDetail.complete(serialNumber, details);
        if (!updated.equals(details)) {
            apply(new ProductDetailsUpdated(productId, accountId, updated, command.updatedAt()));
        }
        if (givenSerial != null) {
            apply(new SerialNumberGiven(
                    productId,
                    accountId,
                    modelCode,
                    givenSerial,
                    points,
                    details,
                    migrated,
                    registeredAt,
                    command.updatedAt()));
        }
        if (!wasComplete && MissingDetail.complete(serialNumber, details)) {
            apply(new ProductDetailsCompleted(productId, accountId, modelCode, points, command.updatedAt()));
        }
        return state();
    }

    /**
     * The serial number given for a registration made without one; null when none is given or it is the one the
     * registration has (typed differently). Another one is refused: a serial number never changes.
     */
    private String newSerialNumber(String given) {
        if (given == null) {
            return null;
        }
        if (serialNumber == null) {
            return given.strip();
        }
        if (SerialNumbers.normalise(given).equals(SerialNumbers.normalise(serialNumber))) {
            return null;
        }
        throw new InvalidProductDetails(
                "serialNumber", "cannot be changed: deregister the product and register the right one");
    }

    @CommandHandler
    void handle(RemindIncompleteRegistration command, Clock clock) {
        List<MissingDetail> missing = MissingDetail.of(serialNumber, details);
        if (!reminded && !missing.isEmpty()) {
            apply(new ProductStillIncomplete(
                    productId, accountId, modelCode, modelName, missing, points, registeredAt, clock.instant()));
        }
    }

    @CommandHandler
    void handle(DeregisterProduct command) {
        requireOwner(command.accountId());
        apply(new ProductDeregistered(
                productId,
                accountId,
                modelCode,
                points,
                MissingDetail.complete(serialNumber, details),
                command.deregisteredAt()));
    }

    private void requireOwner(String requester) {
        if (!accountId.equals(requester)) {
            throw new ProductNotFound(productId);
        }
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        productId = event.productId();
        accountId = event.accountId();
        modelCode = event.modelCode();
        modelName = event.modelName();
        category = event.category();
        serialNumber = event.serialNumber();
        points = event.points();
        details = event.details();
        migrated = event.migrated();
        registeredAt = event.registeredAt();
    }

    @EventSourcingHandler
    void on(ProductDetailsUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(SerialNumberGiven event) {
        serialNumber = event.serialNumber();
    }

    @EventSourcingHandler
    void on(ProductStillIncomplete event) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(ProductDeregistered event) {
        // a deregistered product is gone: loading it again fails as "not found"
        markDeleted();
    }

    RegistrationState state() {
        return new RegistrationState(
                productId, modelCode, modelName, category, serialNumber, details, points, migrated, registeredAt);
    }
}

package com.canon.cps.product.registration.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One product registered to one account, from registration to deregistration.
 *
 * <p>Invariants: only the owning account can change or remove it (to anyone else it does not exist); the points are
 * those it was registered with; it becomes complete once (purchase date, country and dealer all given; details are
 * never removed) and only then earns its points; after deregistration it is gone. Serial-number uniqueness spans
 * aggregates and is therefore guarded outside, by the claim written in the same transaction.
 */
@Aggregate(cache = "aggregateCache")
public class RegisteredProduct {

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

    protected RegisteredProduct() {}

    @CommandHandler
    public RegisteredProduct(RegisterProduct command) {
        if (command.serialNumber() == null || command.serialNumber().isBlank()) {
            throw new InvalidProductDetails("serialNumber", "is required");
        }
        command.details().requireNotInFuture(command.registeredAt());
        apply(new ProductRegistered(
                command.productId(),
                command.accountId(),
                command.modelCode(),
                command.modelName(),
                command.category(),
                command.catalogVersion(),
                command.points(),
                command.serialNumber(),
                command.details(),
                command.migrated(),
                command.registeredAt()));
    }

    @CommandHandler
    RegistrationState handle(UpdateProductDetails command) {
        requireOwner(command.accountId());
        PurchaseDetails updated = details.with(command.change());
        updated.requireNotInFuture(command.updatedAt());
        if (!updated.equals(details)) {
            boolean completes = !details.complete() && updated.complete();
            apply(new ProductDetailsUpdated(productId, accountId, updated, command.updatedAt()));
            if (completes) {
                apply(new ProductDetailsCompleted(productId, accountId, modelCode, points, command.updatedAt()));
            }
        }
        return state();
    }

    @CommandHandler
    void handle(DeregisterProduct command) {
        requireOwner(command.accountId());
        apply(new ProductDeregistered(
                productId, accountId, modelCode, points, details.complete(), command.deregisteredAt()));
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
    void on(ProductDeregistered event) {
        // a deregistered product is gone: loading it again fails as "not found"
        markDeleted();
    }

    RegistrationState state() {
        return new RegistrationState(
                productId, modelCode, modelName, category, serialNumber, details, points, migrated, registeredAt);
    }
}

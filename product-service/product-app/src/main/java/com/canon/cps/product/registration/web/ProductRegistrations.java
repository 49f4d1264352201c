package com.canon.cps.product.registration.web;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.product.catalog.Catalog;
import com.canon.cps.product.registration.domain.DeregisterProduct;
import com.canon.cps.product.registration.domain.DetailsChange;
import com.canon.cps.product.registration.domain.InvalidProductDetails;
import com.canon.cps.product.registration.domain.ProductNotFound;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.RegisterProduct;
import com.canon.cps.product.registration.domain.RegistrationState;
import com.canon.cps.product.registration.domain.UpdateProductDetails;
import com.canon.cps.product.registration.store.SerialClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, completes and deregisters products: prices the model with the catalogue version in force, claims or
 * releases the serial number and records the registration's events in one PostgreSQL transaction, so a refused
 * request leaves nothing behind and two concurrent registrations of one serial number cannot both succeed. A product
 * registered without a serial number claims it when the member gives it (PATCH), in the same way.
 */
@Service
public class ProductRegistrations {

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final SerialClaims claims;
    private final Catalog catalog;
    private final RegisteredModels registered;
    private final Clock clock;

    ProductRegistrations(
            CommandGateway commands,
            TransactionTemplate transactions,
            SerialClaims claims,
            Catalog catalog,
            RegisteredModels registered,
            Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.claims = claims;
        this.catalog = catalog;
        this.registered = registered;
        this.clock = clock;
    }

    /**
     * Registers a product to the member's account, with its serial number or (null) without one yet; 400 for an
     * unknown model, 409 for a serial already registered.
     */
    public RegistrationState register(
            String accountId, String modelCode, String serialNumber, PurchaseDetails details) {
        Instant now = clock.instant();
        Catalog.Priced priced = catalog.price(modelCode, now)
                .orElseThrow(() -> ApiProblem.invalid("modelCode", "is not a model of the product catalogue"));
        RegisterProduct command = command(accountId, priced, serialNumber, details, false, now);
        translated(() -> transactions.execute(tx -> {
            if (serialNumber != null
                    && !claims.claim(command.modelCode(), serialNumber, command.productId(), accountId)) {
                throw ApiProblem.conflict("This serial number of this model is already registered");
            }
            return commands.sendAndWait(command);
        }));
        return new RegistrationState(
                command.productId(),
                command.modelCode(),
                command.modelName(),
                command.category(),
                command.serialNumber(),
                details,
                command.points(),
                false,
                now);
    }

    /**
     * Registers a product inside the caller's transaction (the legacy migration, which registers several products and
     * its own event atomically). Empty when the serial number is already claimed: nothing is registered then.
     */
    public Optional<String> registerIfFree(
            String accountId,
            Catalog.Priced priced,
            String serialNumber,
            PurchaseDetails details,
            boolean migrated,
            Instant at) {
        RegisterProduct command = command(accountId, priced, serialNumber, details, migrated, at);
        if (!claims.claim(command.modelCode(), serialNumber, command.productId(), accountId)) {
            return Optional.empty();
        }
        translated(() -> commands.sendAndWait(command));
        return Optional.of(command.productId());
    }

    /** Gives or corrects purchase details of one of the member's products. */
    public RegistrationState update(String accountId, String productId, DetailsChange change) {
        return update(accountId, productId, change, null);
    }

    /**
     * Gives or corrects purchase details and, for a product registered without one, the serial number: claimed for
     * the product in the same transaction as the events (409 when another registration holds it). The registration
     * itself refuses another serial number than the one it has.
     */
    public RegistrationState update(String accountId, String productId, DetailsChange change, String serialNumber) {
        if (serialNumber == null) {
            return translated(() ->
                    commands.sendAndWait(new UpdateProductDetails(productId, accountId, change, clock.instant())));
        }
        String serial = serialNumber.trim();
        return translated(() -> transactions.execute(tx -> {
            String model = registered
                    .modelOf(productId, accountId)
                    .orElseThrow(() -> ApiProblem.notFound("No product " + productId + " in this account"));
            // a product that has its serial number claims nothing: the registration accepts that one, refuses others
            if (!claims.holds(productId) && !claims.claim(model, serial, productId, accountId)) {
                throw ApiProblem.conflict("This serial number of this model is already registered");
            }
            return commands.sendAndWait(
                    new UpdateProductDetails(productId, accountId, change, serial, clock.instant()));
        }));
    }

    /** Deregisters one of the member's products and frees its serial number, atomically. */
    public void deregister(String accountId, String productId) {
        translated(() -> transactions.execute(tx -> {
            claims.release(productId);
            // refused for another account's product: the release above rolls back with it
            return commands.sendAndWait(new DeregisterProduct(productId, accountId, clock.instant()));
        }));
    }

    private static RegisterProduct command(
            String accountId,
            Catalog.Priced priced,
            String serialNumber,
            PurchaseDetails details,
            boolean migrated,
            Instant at) {
        return new RegisterProduct(
                UUID.randomUUID().toString(),
                accountId,
                priced.model().modelCode(),
                priced.model().name(),
                priced.model().category().name(),
                priced.catalogVersion(),
                priced.model().points(),
                serialNumber == null ? null : serialNumber.trim(),
                details,
                migrated,
                at);
    }

    /** The domain's refusals as problems for the member. */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidProductDetails e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        } catch (ProductNotFound e) {
            throw ApiProblem.notFound(e.getMessage());
        } catch (ConcurrencyException e) {
            // another request changed the same product in between (e.g. a PATCH racing a DELETE); nothing was recorded
            throw ApiProblem.conflict("The product was changed at the same time; reload it and try again");
        }
    }
}

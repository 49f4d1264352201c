package com.canon.cps.product.migration.web;

import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.product.catalog.Catalog;
import com.canon.cps.product.migration.domain.CompleteLegacyMigration;
import com.canon.cps.product.migration.domain.LegacyMigration;
import com.canon.cps.product.migration.domain.MigrationRefused;
import com.canon.cps.product.migration.domain.SkippedRegistration;
import com.canon.cps.product.migration.query.LegacyMigrationView;
import com.canon.cps.product.migration.store.LegacyRegistration;
import com.canon.cps.product.migration.store.LegacyRegistrationStore;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.store.SerialClaims;
import com.canon.cps.product.registration.web.ProductRegistrations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member's MIGRATE PRODUCTS: its status, and the migration itself, offered only once the old CPS e-mail is proven.
 * The migration registers every copy (claiming its serial number) and records {@code ProductsMigrated} in one
 * PostgreSQL transaction: if the aggregate refuses (already migrated, also by a concurrent request; e-mail not proven)
 * no copy survives either.
 */
@Service
class LegacyMigrations {

    private final MongoTemplate mongo;
    private final Projections projections;
    private final LegacyRegistrationStore legacy;
    private final ProductRegistrations registrations;
    private final SerialClaims claims;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Catalog catalog;
    private final Clock clock;

    LegacyMigrations(
            MongoTemplate mongo,
            Projections projections,
            LegacyRegistrationStore legacy,
            ProductRegistrations registrations,
            SerialClaims claims,
            CommandGateway commands,
            TransactionTemplate transactions,
            Catalog catalog,
            Clock clock) {
        this.mongo = mongo;
        this.projections = projections;
        this.legacy = legacy;
        this.registrations = registrations;
        this.claims = claims;
        this.commands = commands;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Whether MIGRATE PRODUCTS is offered. */
    public enum Status {
        NOT_AVAILABLE,
        AVAILABLE,
        COMPLETED
    }

    /** The migration as the member sees it; {@code skipped} only after it happened. */
    public record MigrationStatus(
            Status status,
            int legacyProductCount,
            int migratedProductCount,
            List<LegacyMigrationView.Skipped> skipped) {}

    /** What a migration did. */
    public record Outcome(List<String> productIds, List<SkippedRegistration> skipped) {}

    /**
     * AVAILABLE only for a proven old CPS e-mail with imported registrations; until the e-mail is proven the count is
     * 0 too (it would tell whoever typed an address whether its owner had products).
     */
    public MigrationStatus status(String accountId) {
        Optional<LegacyMigrationView> view = view(accountId);
        if (view.isEmpty()
                || view.get().legacyEmail() == null
                || (!view.get().completed() && !view.get().confirmed())) {
            return new MigrationStatus(Status.NOT_AVAILABLE, 0, 0, List.of());
        }
        LegacyMigrationView v = view.get();
        int legacyCount = legacy.countForEmail(v.legacyEmail());
        if (v.completed()) {
            return new MigrationStatus(
                    Status.COMPLETED,
                    legacyCount,
                    v.migratedProductIds() == null ? 0 : v.migratedProductIds().size(),
                    v.skipped() == null ? List.of() : v.skipped());
        }
        return new MigrationStatus(
                legacyCount > 0 ? Status.AVAILABLE : Status.NOT_AVAILABLE, legacyCount, 0, List.of());
    }

    /** Copies the legacy registrations into the member's account; 409 when not available or done already. */
    public Outcome migrate(String accountId) {
        LegacyMigrationView view = view(accountId)
                .filter(v -> v.legacyEmail() != null)
                .orElseThrow(() -> ApiProblem.conflict("Migration is not available: no old CPS e-mail was given"));
        if (view.completed()) {
            throw ApiProblem.conflict("The products were migrated already; migration happens once");
        }
        if (!view.confirmed()) {
            throw ApiProblem.conflict(
                    "Migration is not available yet: confirm the old CPS e-mail with the code sent to it first");
        }
        List<LegacyRegistration> old = legacy.forEmail(view.legacyEmail());
        if (old.isEmpty()) {
            throw ApiProblem.conflict(
                    "Migration is not available: the old CPS system holds no products for this account");
        }
        try {
            return transactions.execute(tx -> copy(accountId, view.legacyEmail(), old));
        } catch (MigrationRefused e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (ConcurrencyException | AggregateNotFoundException e) {
            // a concurrent migration of the same account won the race (or the account is not known yet)
            throw ApiProblem.conflict("The products are being or were migrated already");
        }
    }

    private Outcome copy(String accountId, String legacyEmail, List<LegacyRegistration> old) {
        Instant now = clock.instant();
        List<String> productIds = new ArrayList<>();
        List<SkippedRegistration> skipped = new ArrayList<>();
        for (LegacyRegistration r : old) {
            Optional<Catalog.Priced> priced = catalog.price(r.modelCode(), now);
            if (priced.isEmpty()) {
                skipped.add(skip(r, SkippedRegistration.Reason.MODEL_NOT_IN_CATALOGUE));
                continue;
            }
            PurchaseDetails details =
                    new PurchaseDetails(r.purchaseDate(), false, r.countryOfPurchase(), r.dealer(), false);
            Optional<String> productId =
                    registrations.registerIfFree(accountId, priced.get(), r.serialNumber(), details, true, now);
            if (productId.isPresent()) {
                productIds.add(productId.get());
            } else {
                boolean ours = claims.holder(priced.get().model().modelCode(), r.serialNumber())
                        .filter(accountId::equals)
                        .isPresent();
                skipped.add(skip(
                        r,
                        ours
                                ? SkippedRegistration.Reason.ALREADY_REGISTERED_IN_THIS_ACCOUNT
                                : SkippedRegistration.Reason.REGISTERED_BY_ANOTHER_ACCOUNT));
            }
        }
        commands.sendAndWait(new CompleteLegacyMigration(
                LegacyMigration.idFor(accountId), legacyEmail, List.copyOf(productIds), List.copyOf(skipped), now));
        return new Outcome(List.copyOf(productIds), List.copyOf(skipped));
    }

    private static SkippedRegistration skip(LegacyRegistration r, SkippedRegistration.Reason reason) {
        return new SkippedRegistration(r.modelCode(), r.serialNumber(), reason);
    }

    private Optional<LegacyMigrationView> view(String accountId) {
        return Optional.ofNullable(mongo.findById(
                accountId, LegacyMigrationView.class, projections.collection(LegacyMigrationView.class)));
    }
}

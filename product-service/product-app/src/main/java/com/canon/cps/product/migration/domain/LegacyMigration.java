package com.canon.cps.product.migration.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's one-time migration of its old CPS registrations. Invariants: it is possible only for an account whose
 * old CPS e-mail is proven (the member typed the code sent to that address: {@code LegacyEmailConfirmed}), for that
 * e-mail, and it happens at most once. The address given when applying ({@code AccountOpened}) alone is not enough:
 * anyone could type another business's old e-mail. An erased account's migration is stopped for good (unless it was
 * done already).
 */
@Aggregate(cache = "aggregateCache")
public class LegacyMigration {

    @AggregateIdentifier
    private String migrationId;

    private String accountId;
    private String legacyEmail;
    private boolean legacyEmailConfirmed;
    private boolean completed;
    private boolean stopped;

    protected LegacyMigration() {}

    /**
     * The migration's id for an account. Prefixed, so it can never be mistaken for a product id (a UUID) in the
     * shared event store.
     */
    public static String idFor(String accountId) {
        return "legacy-migration:" + accountId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PrepareLegacyMigration command) {
        if (migrationId != null) {
            return; // the account is known already (AccountOpened was delivered again), or it was erased
        }
        apply(new LegacyMigrationPrepared(
                command.migrationId(), command.accountId(), command.legacyEmail(), command.openedAt()));
    }

    /** Confirmation may arrive before {@code AccountOpened} is seen (it never should); it then creates the migration. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConfirmLegacyEmail command) {
        if (completed
                || stopped
                || (legacyEmailConfirmed && command.legacyEmail().equals(legacyEmail))) {
            return; // migrated already, or delivered again
        }
        apply(new LegacyEmailConfirmed(
                command.migrationId(), command.accountId(), command.legacyEmail(), command.confirmedAt()));
    }

    @CommandHandler
    void handle(CompleteLegacyMigration command) {
        if (stopped) {
            throw new MigrationRefused(
                    MigrationRefused.Reason.ACCOUNT_ERASED, "The account was erased; its products are not migrated");
        }
        if (completed) {
            throw new MigrationRefused(MigrationRefused.Reason.ALREADY_COMPLETED, "The products were migrated already");
        }
        if (legacyEmail == null || !legacyEmail.equals(command.legacyEmail())) {
            throw new MigrationRefused(MigrationRefused.Reason.NO_LEGACY_EMAIL, "The account gave no old CPS e-mail");
        }
        if (!legacyEmailConfirmed) {
            throw new MigrationRefused(
                    MigrationRefused.Reason.LEGACY_EMAIL_NOT_CONFIRMED,
                    "The old CPS e-mail is not confirmed yet: type in the code sent to it first");
        }
        apply(new ProductsMigrated(
                migrationId, accountId, command.productIds(), command.skipped(), command.migratedAt()));
    }

    /** The account was erased: a migration not done yet never happens. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StopLegacyMigration command) {
        if (completed || stopped) {
            return; // nothing pending any more, or delivered again
        }
        apply(new LegacyMigrationStopped(command.migrationId(), command.accountId(), command.stoppedAt()));
    }

    @EventSourcingHandler
    void on(LegacyMigrationPrepared event) {
        migrationId = event.migrationId();
        accountId = event.accountId();
        legacyEmail = event.legacyEmail();
    }

    @EventSourcingHandler
    void on(LegacyEmailConfirmed event) {
        migrationId = event.migrationId();
        accountId = event.accountId();
        legacyEmail = event.legacyEmail();
        legacyEmailConfirmed = true;
    }

    @EventSourcingHandler
    void on(ProductsMigrated event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(LegacyMigrationStopped event) {
        migrationId = event.migrationId();
        accountId = event.accountId();
        legacyEmail = null;
        legacyEmailConfirmed = false;
        stopped = true;
    }

    boolean completed() {
        return completed;
    }
}

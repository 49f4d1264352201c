package com.canon.cps.points.ledger.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The points of one account (its id is the account id), created by the first product event of the account.
 *
 * <p>Invariants: the balance is the sum of the points of the products that count; a product counts once it is known
 * complete and until it is deregistered, and never again after that. Each command is idempotent per product and
 * state, so product events may arrive duplicated and in any order: a completion before its registration counts the
 * product (the registration then changes nothing), a deregistration before anything else leaves a removed entry that
 * nothing counts any more. The invitation threshold is reached at most once, and not withdrawn if the balance falls.
 *
 * <p>Snapshots: the ledger grows with every product, so it is snapshotted (see {@link #SNAPSHOT_TRIGGER}). A snapshot
 * is this object as JSON through its getters; {@link Revision} versions that form, and a changed form must bump it
 * (older snapshots are then ignored and the ledger is rebuilt from its events).
 */
@Aggregate(snapshotTriggerDefinition = PointsLedger.SNAPSHOT_TRIGGER, cache = "aggregateCache")
@Revision("1")
public class PointsLedger {

    /** Name of the snapshot trigger bean. */
    public static final String SNAPSHOT_TRIGGER = "pointsLedgerSnapshotTrigger";

    @AggregateIdentifier
    private String accountId;

    private Map<String, LedgerEntry> entries = new HashMap<>();
    private int balance;
    private int completeProductCount;
    private boolean thresholdReached;

    protected PointsLedger() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordProductRegistration c, InvitationThreshold threshold) {
        LedgerEntry entry = entries.get(c.productId());
        if (entry == null && !c.complete()) {
            apply(new ProductTracked(
                    c.accountId(), c.productId(), c.modelCode(), c.points(), balance, completeProductCount, c.at()));
        } else if (c.complete() && (entry == null || entry.status() == EntryStatus.TRACKED)) {
            String reason = c.migrated()
                    ? ProductPointsCounted.MIGRATED
                    : entry == null ? ProductPointsCounted.REGISTERED : ProductPointsCounted.COMPLETED;
            count(c.accountId(), c.productId(), entry, c.modelCode(), c.points(), c.at(), reason, threshold);
        }
        // otherwise known already (counted, removed, or tracked and still incomplete): nothing new
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordProductCompletion c, InvitationThreshold threshold) {
        LedgerEntry entry = entries.get(c.productId());
        if (entry == null || entry.status() == EntryStatus.TRACKED) {
            count(
                    c.accountId(),
                    c.productId(),
                    entry,
                    c.modelCode(),
                    c.points(),
                    c.at(),
                    ProductPointsCounted.COMPLETED,
                    threshold);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordProductDeregistration c) {
        LedgerEntry entry = entries.get(c.productId());
        if (entry != null && entry.status() == EntryStatus.REMOVED) {
            return;
        }
        boolean counted = entry != null && entry.status() == EntryStatus.COUNTED;
        int points = entry != null ? entry.points() : c.points();
        String model = entry != null ? entry.modelCode() : c.modelCode();
        apply(new ProductRemovedFromLedger(
                c.accountId(),
                c.productId(),
                model,
                points,
                counted,
                counted ? balance - points : balance,
                counted ? completeProductCount - 1 : completeProductCount,
                c.at()));
    }

    /** Counts a product with the points it was registered with (if the registration came first, those). */
    private void count(
            String account,
            String productId,
            LedgerEntry known,
            String modelCode,
            int points,
            Instant at,
            String reason,
            InvitationThreshold threshold) {
        int value = known != null ? known.points() : points;
        String model = known != null ? known.modelCode() : modelCode;
        apply(new ProductPointsCounted(
                account, productId, model, value, balance + value, completeProductCount + 1, at, reason));
        // apply() has run the event sourcing handler already: balance is the new balance here
        if (!thresholdReached && balance >= threshold.points()) {
            apply(new InvitationThresholdReached(account, threshold.points(), balance, at));
        }
    }

    @EventSourcingHandler
    void on(ProductTracked e) {
        accountId = e.accountId();
        entries.put(e.productId(), new LedgerEntry(e.modelCode(), e.points(), EntryStatus.TRACKED));
    }

    @EventSourcingHandler
    void on(ProductPointsCounted e) {
        accountId = e.accountId();
        entries.put(e.productId(), new LedgerEntry(e.modelCode(), e.points(), EntryStatus.COUNTED));
        balance = e.balance();
        completeProductCount = e.completeProductCount();
    }

    @EventSourcingHandler
    void on(ProductRemovedFromLedger e) {
        accountId = e.accountId();
        entries.put(e.productId(), new LedgerEntry(e.modelCode(), e.points(), EntryStatus.REMOVED));
        balance = e.balance();
        completeProductCount = e.completeProductCount();
    }

    @EventSourcingHandler
    void on(InvitationThresholdReached e) {
        thresholdReached = true;
    }

    // Getters: the snapshot's JSON form (Jackson writes through them and sets the fields back when loading it).

    public String getAccountId() {
        return accountId;
    }

    public Map<String, LedgerEntry> getEntries() {
        return Map.copyOf(entries);
    }

    public int getBalance() {
        return balance;
    }

    public int getCompleteProductCount() {
        return completeProductCount;
    }

    public boolean isThresholdReached() {
        return thresholdReached;
    }
}

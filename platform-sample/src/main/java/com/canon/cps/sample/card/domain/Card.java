package com.canon.cps.sample.card.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One card per account; any of its recording commands may come first. */
@Aggregate(cache = "aggregateCache")
public class Card {

    @AggregateIdentifier
    private String accountId;

    private int points;
    private boolean issued;
    private boolean active;

    protected Card() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordCountry command) {
        apply(new CountryRecorded(command.accountId(), command.country(), command.language()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPoints command) {
        apply(new PointsRecorded(command.accountId(), command.balance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueCard command, Clock clock) {
        if (!issued) {
            apply(new CardIssued(command.accountId(), points, clock.instant()));
        }
    }

    @CommandHandler
    void handle(ActivateCard command, Clock clock) {
        if (!issued) {
            throw new IllegalStateException("no card issued to " + command.accountId());
        }
        if (!active) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            apply(new CardActivated(
                    accountId,
                    cardNumber(accountId),
                    command.tier(),
                    today,
                    today.plusYears(1),
                    command.autoRenew(),
                    clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(CountryRecorded event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(PointsRecorded event) {
        accountId = event.accountId();
        points = event.balance();
    }

    @EventSourcingHandler
    void on(CardIssued event) {
        accountId = event.accountId();
        issued = true;
    }

    @EventSourcingHandler
    void on(CardActivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(CardExpired event) {
        active = false;
    }

    private static String cardNumber(String accountId) {
        return String.format("%09d", Math.floorMod(accountId.hashCode(), 1_000_000_000));
    }
}

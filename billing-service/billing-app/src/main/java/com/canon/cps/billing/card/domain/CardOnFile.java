package com.canon.cps.billing.card.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The card an account's invoices are charged to once the member changed it (aggregate id {@link #idOf} the account id,
 * so it can never be taken for an invoice); until the first change, each invoice charges the card of its order.
 *
 * <p>Invariants: each change (by membership's request id) is verified once and decided once, approved or declined;
 * only an approved change replaces the card, so a declined one leaves the previous card in place. Requests may be
 * redelivered: a known request id changes nothing.
 */
@Aggregate(cache = "aggregateCache")
class CardOnFile {

    @AggregateIdentifier
    private String id;

    private String accountId;

    private String cardToken;
    private final Map<String, CardChangeRequested> pending = new HashMap<>();
    private final Set<String> known = new HashSet<>();

    protected CardOnFile() {}

    /** The aggregate id of an account's card on file. */
    public static String idOf(String accountId) {
        return "card-on-file:" + accountId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestCardChange c, Clock clock) {
        if (known.contains(c.requestId())) {
            return; // the request was redelivered
        }
        apply(new CardChangeRequested(c.accountId(), c.requestId(), c.cardToken(), c.currency(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordCardChangeVerification c, Clock clock) {
        CardChangeRequested request = pending.get(c.requestId());
        if (request == null) {
            return; // decided already
        }
        if (c.approved()) {
            apply(new CardChanged(
                    accountId, c.requestId(), request.cardToken(), cardToken, c.gatewayReference(), clock.instant()));
        } else {
            apply(new CardChangeDeclined(accountId, c.requestId(), request.cardToken(), c.outcome(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(CardChangeRequested e) {
        id = idOf(e.accountId());
        accountId = e.accountId();
        known.add(e.requestId());
        pending.put(e.requestId(), e);
    }

    @EventSourcingHandler
    void on(CardChanged e) {
        pending.remove(e.requestId());
        cardToken = e.cardToken();
    }

    @EventSourcingHandler
    void on(CardChangeDeclined e) {
        pending.remove(e.requestId());
    }

    String cardToken() {
        return cardToken;
    }
}

package com.canon.cps.billing.invoice.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.billing.bank.CreditorReference;
import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation.Rule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The invoice of one subscription order (aggregate id = invoice id, derived from the subscription id), from the
 * order through issue to payment.
 *
 * <p>Invariants: an order is opened once; the invoice is issued once, with the next number of its series taken in
 * the issuing transaction (so numbers are gapless and never reused); a card is verified once with a zero amount and
 * charged only once verified, on the due date and then on the configured retry dates, each attempt at most once (the
 * attempt's idempotency key makes a repeated try return the gateway's first answer); a payment is booked only when it
 * covers the gross amount exactly, and never twice; an unpaid invoice becomes overdue the day after its due date.
 * Deadlines may fire late or twice: anything that no longer applies changes nothing. Business time comes from the
 * injected {@link Clock} (dates in UTC).
 */
@Aggregate(cache = "aggregateCache")
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;

    private InvoiceOpened order;
    private InvoiceStatus status;
    private CardState card = CardState.NONE;
    private String number;
    private BigDecimal gross;
    private LocalDate dueDate;
    private String paymentReference;
    private int chargeAttempts;
    private final Set<String> bookedStatementEntries = new HashSet<>();

    private enum CardState {
        NONE,
        PENDING,
        VERIFIED,
        FAILED
    }

    protected Invoice() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenInvoice c, Clock clock) {
        if (invoiceId != null) {
            return; // the order was redelivered
        }
        apply(new InvoiceOpened(
                c.invoiceId(),
                c.accountId(),
                c.subscriptionId(),
                c.tier(),
                c.term(),
                c.termStartsOn(),
                c.currency(),
                c.net(),
                blankToNull(c.purchaseOrderNumber()),
                c.paymentMethod(),
                c.paymentMethod() == PaymentMethod.CARD ? c.cardToken() : null,
                c.renewal(),
                c.orderedAt(),
                c.buyer(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordCardVerification c, Clock clock) {
        if (card != CardState.PENDING) {
            return;
        }
        if (c.approved()) {
            apply(new CardVerified(
                    invoiceId,
                    order.accountId(),
                    order.subscriptionId(),
                    order.cardToken(),
                    c.gatewayReference(),
                    clock.instant()));
        } else {
            apply(new CardVerificationFailed(
                    invoiceId,
                    order.accountId(),
                    order.subscriptionId(),
                    order.cardToken(),
                    c.outcome(),
                    clock.instant()));
        }
    }

    @CommandHandler
    void handle(IssueInvoice c, BillingTerms terms, InvoiceNumbers numbers, Clock clock) {
        if (status != InvoiceStatus.ORDERED) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Buyer buyer = order.buyer();
        VatDecision vat = terms.vat(buyer);
        String country = buyer.country().toUpperCase(Locale.ROOT);
        String series = terms.seriesPrefix() + "-" + country + "-" + today.getYear();
        String issuedNumber = "%s-%06d".formatted(series, numbers.next(series));
        BigDecimal vatAmount = BillingTerms.vatOn(order.net(), vat.rate());
        LocalDate termEndsOn =
                order.termStartsOn().plus(Period.parse(order.term())).minusDays(1);
        boolean bankTransfer = order.paymentMethod() == PaymentMethod.BANK_TRANSFER;
        apply(new InvoiceIssued(
                invoiceId,
                order.accountId(),
                order.subscriptionId(),
                issuedNumber,
                series,
                today,
                today.plus(terms.paymentTerms()),
                terms.sellerFor(vat.treatment()),
                buyer.party(),
                buyer.language(),
                List.of(new InvoiceLine(
                        "Canon Professional Services : " + tierName(order.tier())
                                + (order.renewal() ? " (renewal)" : ""),
                        order.tier(),
                        order.termStartsOn(),
                        termEndsOn,
                        order.net())),
                order.currency(),
                order.net(),
                vat.rate(),
                vatAmount,
                order.net().add(vatAmount),
                vat.treatment(),
                vat.note(),
                order.purchaseOrderNumber(),
                order.paymentMethod(),
                bankTransfer ? CreditorReference.create(issuedNumber.replace("-", "")) : null,
                bankTransfer ? terms.bank() : null,
                now));
    }

    /**
     * The charge to make for {@code attempt}: none when the invoice is paid, not a card invoice, the attempt is not
     * the next one, or the card failed its verification (the member was told then). While the verification is still
     * outstanding the command fails, so the deadline is tried again later.
     */
    @CommandHandler
    Optional<ChargeRequest> handle(PrepareCharge c) {
        if (order.paymentMethod() != PaymentMethod.CARD
                || number == null
                || status == InvoiceStatus.PAID
                || c.attempt() != chargeAttempts + 1
                || card == CardState.FAILED) {
            return Optional.empty();
        }
        if (card == CardState.PENDING) {
            throw new IllegalStateException("the card of invoice " + number + " is not verified yet");
        }
        return Optional.of(new ChargeRequest(
                invoiceId,
                c.attempt(),
                order.cardToken(),
                gross,
                order.currency(),
                "charge:" + invoiceId + ":" + c.attempt()));
    }

    @CommandHandler
    void handle(RecordCharge c, BillingTerms terms, Clock clock) {
        if (status == InvoiceStatus.PAID || number == null || c.attempt() != chargeAttempts + 1) {
            return;
        }
        Instant now = clock.instant();
        if (c.approved()) {
            apply(new PaymentCaptured(
                    invoiceId, order.accountId(), number, gross, order.currency(), "CARD", c.gatewayReference(), now));
            apply(new InvoicePaid(
                    invoiceId, order.accountId(), number, "CARD", LocalDate.ofInstant(now, ZoneOffset.UTC), now));
            return;
        }
        LocalDate nextAttemptOn = c.attempt() <= terms.chargeRetries().size()
                ? LocalDate.ofInstant(now, ZoneOffset.UTC)
                        .plus(terms.chargeRetries().get(c.attempt() - 1))
                : null;
        apply(new PaymentFailed(
                invoiceId,
                order.accountId(),
                number,
                gross,
                order.currency(),
                c.outcome(),
                c.attempt(),
                nextAttemptOn,
                now));
    }

    @CommandHandler
    BankPaymentOutcome handle(RecordBankPayment c, Clock clock) {
        if (bookedStatementEntries.contains(c.entryReference())) {
            return BankPaymentOutcome.DUPLICATE;
        }
        if (status == InvoiceStatus.PAID) {
            return BankPaymentOutcome.ALREADY_PAID;
        }
        if (number == null) {
            throw new InvoiceRuleViolation(Rule.NOT_ISSUED, "The invoice has not been issued");
        }
        if (!order.currency().equalsIgnoreCase(c.currency())) {
            return BankPaymentOutcome.CURRENCY_MISMATCH;
        }
        int comparison = c.amount().compareTo(gross);
        if (comparison != 0) {
            return comparison < 0 ? BankPaymentOutcome.PARTIAL_PAYMENT : BankPaymentOutcome.OVERPAYMENT;
        }
        Instant now = clock.instant();
        apply(new PaymentCaptured(
                invoiceId,
                order.accountId(),
                number,
                c.amount(),
                order.currency(),
                "BANK_TRANSFER",
                c.entryReference(),
                now));
        apply(new InvoicePaid(invoiceId, order.accountId(), number, "BANK_TRANSFER", c.bookedOn(), now));
        return BankPaymentOutcome.MATCHED;
    }

    @CommandHandler
    void handle(MarkPaid c, Clock clock) {
        if (number == null) {
            throw new InvoiceRuleViolation(Rule.NOT_ISSUED, "The invoice has not been issued");
        }
        if (status == InvoiceStatus.PAID) {
            throw new InvoiceRuleViolation(Rule.ALREADY_PAID, "The invoice " + number + " is paid already");
        }
        Instant now = clock.instant();
        String reference = c.note() == null || c.note().isBlank() ? c.operator() : c.operator() + ": " + c.note();
        apply(new PaymentCaptured(
                invoiceId, order.accountId(), number, gross, order.currency(), "MANUAL", reference, now));
        apply(new InvoicePaid(
                invoiceId, order.accountId(), number, "MANUAL", LocalDate.ofInstant(now, ZoneOffset.UTC), now));
    }

    @CommandHandler
    void handle(MarkOverdue c, Clock clock) {
        Instant now = clock.instant();
        if (status == InvoiceStatus.OPEN
                && LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(dueDate)) {
            apply(new InvoiceOverdue(
                    invoiceId,
                    order.accountId(),
                    number,
                    gross,
                    order.currency(),
                    dueDate,
                    order.paymentMethod(),
                    paymentReference,
                    now));
        }
    }

    /** {@code SILVER} → {@code Silver}, {@code BUSINESS_A} → {@code Business A}: orders carry tier codes only. */
    static String tierName(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @EventSourcingHandler
    void on(InvoiceOpened e) {
        invoiceId = e.invoiceId();
        order = e;
        status = InvoiceStatus.ORDERED;
        card = e.paymentMethod() == PaymentMethod.CARD ? CardState.PENDING : CardState.NONE;
    }

    @EventSourcingHandler
    void on(CardVerified e) {
        card = CardState.VERIFIED;
    }

    @EventSourcingHandler
    void on(CardVerificationFailed e) {
        card = CardState.FAILED;
    }

    @EventSourcingHandler
    void on(InvoiceIssued e) {
        status = InvoiceStatus.OPEN;
        number = e.number();
        gross = e.gross();
        dueDate = e.dueDate();
        paymentReference = e.paymentReference();
    }

    @EventSourcingHandler
    void on(PaymentCaptured e) {
        if ("BANK_TRANSFER".equals(e.method())) {
            bookedStatementEntries.add(e.reference());
        }
    }

    @EventSourcingHandler
    void on(PaymentFailed e) {
        chargeAttempts = e.attempt();
    }

    @EventSourcingHandler
    void on(InvoicePaid e) {
        status = InvoiceStatus.PAID;
    }

    @EventSourcingHandler
    void on(InvoiceOverdue e) {
        status = InvoiceStatus.OVERDUE;
    }
}

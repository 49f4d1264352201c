package com.canon.cps.billing.invoice.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.billing.bank.CreditorReference;
import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation.Rule;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Invariants: an order is opened once; the invoice is issued once, with the next number of its series allocated by
 * {@link InvoiceNumbers} in the issuing transaction (so numbers are gapless and never reused, ADR 25) and its line
 * worded by {@link LineDescriptions} (the aggregate records the text, it composes none); a card is verified once with a
 * zero amount and charged only once verified, on the due date and then on the configured retry dates, each attempt at
 * most once (the attempt's idempotency key makes a repeated try return the gateway's first answer); a payment is booked
 * only when it covers the amount due exactly, and never twice; an unpaid invoice becomes overdue the day after its due
 * date, and is reported unpaid after dunning once, at its last dunning step. Credit notes never credit more than the
 * gross amount (their net and VAT add up to the invoice's to the cent), take their number from a series of their own in
 * the issuing transaction, lower the amount due, and pay back by card (once per credit note, keyed by its id) what a
 * card paid beyond what is still owed; an invoice credited in full is CREDITED and charged no more. The account's new
 * card replaces the order's for every charge still to come. Once the account is erased nothing is issued, verified,
 * charged or dunned any more. Deadlines may fire late or twice: anything that no longer applies changes nothing.
 * Business time comes from the injected {@link Clock} (dates in UTC).
 */
@Aggregate(cache = "aggregateCache")
class Invoice {

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
    private InvoiceIssued issued;
    private String cardToken;
    private LocalDate nextChargeOn;
    private boolean dunningExhausted;
    private BigDecimal creditedNet = BigDecimal.ZERO;
    private BigDecimal creditedVat = BigDecimal.ZERO;
    private final Set<String> creditNoteIds = new HashSet<>();
    private String lastCreditNoteId;
    private String lastCreditNoteNumber;
    private BigDecimal captured = BigDecimal.ZERO;
    private PaymentMethod capturedBy;
    private String chargeReference;
    private BigDecimal paidBack = BigDecimal.ZERO;
    private final Map<String, RefundRequested> pendingRefunds = new HashMap<>();

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
    void handle(RecordCardVerification c, Clock clock, PersonalDataErasure erasure) {
        if (card != CardState.PENDING || erased(erasure)) {
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
    void handle(
            IssueInvoice c,
            BillingTerms terms,
            InvoiceNumbers numbers,
            LineDescriptions descriptions,
            Clock clock,
            PersonalDataErasure erasure) {
        if (status != InvoiceStatus.ORDERED || erased(erasure)) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Buyer buyer = order.buyer();
        VatDecision vat = terms.vat(buyer);
        String series = terms.invoiceSeries(buyer.country(), today);
        String issuedNumber = numbers.allocate(series);
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
                        descriptions.describe(order.tier(), order.renewal()),
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
    Optional<ChargeRequest> handle(PrepareCharge c, PersonalDataErasure erasure) {
        if (order.paymentMethod() != PaymentMethod.CARD
                || erased(erasure)
                || number == null
                || status == InvoiceStatus.PAID
                || status == InvoiceStatus.CREDITED
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
                cardToken,
                amountDue(),
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
            // the money moved: book it even if a credit note came in between, and pay back what is not owed
            BigDecimal amount = c.amount() != null ? c.amount() : amountDue();
            boolean owed = status != InvoiceStatus.CREDITED;
            apply(new PaymentCaptured(
                    invoiceId,
                    order.accountId(),
                    number,
                    amount,
                    order.currency(),
                    PaymentMethod.CARD,
                    c.gatewayReference(),
                    now));
            if (owed) {
                apply(new InvoicePaid(
                        invoiceId,
                        order.accountId(),
                        number,
                        PaymentMethod.CARD,
                        LocalDate.ofInstant(now, ZoneOffset.UTC),
                        now));
            }
            BigDecimal excess = captured.subtract(paidBack).subtract(amountDue());
            if (excess.signum() > 0 && lastCreditNoteId != null) {
                apply(new RefundRequested(
                        invoiceId,
                        order.accountId(),
                        lastCreditNoteId + ":charge-" + c.attempt(),
                        lastCreditNoteId,
                        lastCreditNoteNumber,
                        chargeReference,
                        excess,
                        order.currency(),
                        now));
            }
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
        if (status == InvoiceStatus.CREDITED) {
            return BankPaymentOutcome.INVOICE_CREDITED;
        }
        if (number == null) {
            throw new InvoiceRuleViolation(Rule.NOT_ISSUED, "The invoice has not been issued");
        }
        if (!order.currency().equalsIgnoreCase(c.currency())) {
            return BankPaymentOutcome.CURRENCY_MISMATCH;
        }
        int comparison = c.amount().compareTo(amountDue());
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
                PaymentMethod.BANK_TRANSFER,
                c.entryReference(),
                now));
        apply(new InvoicePaid(invoiceId, order.accountId(), number, PaymentMethod.BANK_TRANSFER, c.bookedOn(), now));
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
        if (status == InvoiceStatus.CREDITED) {
            throw new InvoiceRuleViolation(Rule.FULLY_CREDITED, "The invoice " + number + " is credited in full");
        }
        Instant now = clock.instant();
        apply(new PaymentCaptured(
                invoiceId,
                order.accountId(),
                number,
                amountDue(),
                order.currency(),
                PaymentMethod.MANUAL,
                c.operator(),
                now,
                blankToNull(c.note())));
        apply(new InvoicePaid(
                invoiceId,
                order.accountId(),
                number,
                PaymentMethod.MANUAL,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                now));
    }

    @CommandHandler
    void handle(MarkOverdue c, Clock clock, PersonalDataErasure erasure) {
        Instant now = clock.instant();
        if (status == InvoiceStatus.OPEN
                && !erased(erasure)
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

    /**
     * The account's new card: every charge still to come uses it; if the due date has passed and no attempt waits for
     * a later day, the next attempt is made at once (so a member whose card was declined can settle by changing it).
     */
    @CommandHandler
    void handle(ReplaceInvoiceCard c, Clock clock, PersonalDataErasure erasure) {
        if (order.paymentMethod() != PaymentMethod.CARD
                || erased(erasure)
                || status == InvoiceStatus.PAID
                || status == InvoiceStatus.CREDITED
                || c.cardToken().equals(cardToken) && card == CardState.VERIFIED) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean chargeNow = number != null
                && !today.isBefore(dueDate)
                && (nextChargeOn == null || !nextChargeOn.isAfter(today) || card == CardState.FAILED);
        apply(new InvoiceCardReplaced(
                invoiceId,
                order.accountId(),
                c.requestId(),
                c.cardToken(),
                chargeNow ? chargeAttempts + 1 : null,
                now));
    }

    @CommandHandler
    void handle(MarkDunningExhausted c, Clock clock, PersonalDataErasure erasure) {
        if ((status == InvoiceStatus.OPEN || status == InvoiceStatus.OVERDUE)
                && !dunningExhausted
                && !erased(erasure)) {
            apply(new InvoiceDunningExhausted(
                    invoiceId,
                    order.accountId(),
                    order.subscriptionId(),
                    number,
                    amountDue(),
                    order.currency(),
                    dueDate,
                    order.paymentMethod(),
                    clock.instant()));
        }
    }

    /**
     * Credits the invoice: the next number of the credit-note series (taken in this transaction), the amount split at
     * the invoice's rate, and for money a card paid beyond what is still owed a refund through the gateway. A repeated
     * command with the same credit-note id issues nothing new.
     */
    @CommandHandler
    Optional<CreditNoteIssued> handle(IssueCreditNote c, BillingTerms terms, InvoiceNumbers numbers, Clock clock) {
        if (creditNoteIds.contains(c.creditNoteId())) {
            return Optional.empty();
        }
        if (number == null) {
            throw new InvoiceRuleViolation(Rule.NOT_ISSUED, "The invoice has not been issued");
        }
        CreditNoteRules.Amounts credit = CreditNoteRules.amounts(
                c.amount(), issued.net(), issued.vat(), issued.vatRate(), creditedNet, creditedVat);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String series = terms.creditNoteSeries(order.buyer().country(), today);
        String creditNoteNumber = numbers.allocate(series);
        BigDecimal creditedTotal = creditedNet.add(creditedVat).add(credit.gross());
        boolean full = creditedTotal.compareTo(gross) >= 0;
        BigDecimal received = captured.subtract(paidBack);
        BigDecimal stillOwed = gross.subtract(creditedTotal);
        BigDecimal refund = received.subtract(stillOwed).max(BigDecimal.ZERO).min(credit.gross());
        RefundMethod refundMethod = refund.signum() == 0
                ? RefundMethod.NONE
                : capturedBy == PaymentMethod.CARD ? RefundMethod.CARD : RefundMethod.BANK_TRANSFER;
        CreditNoteIssued issuedNote = new CreditNoteIssued(
                invoiceId,
                order.accountId(),
                c.creditNoteId(),
                creditNoteNumber,
                series,
                today,
                number,
                issued.issueDate(),
                issued.seller(),
                issued.buyer(),
                issued.language(),
                c.reason().strip(),
                creditedLines(credit.net()),
                order.currency(),
                credit.net(),
                issued.vatRate(),
                credit.vat(),
                credit.gross(),
                issued.vatTreatment(),
                issued.vatNote(),
                creditedTotal,
                full ? InvoiceStatus.CREDITED : status,
                refundMethod,
                refund,
                c.operator(),
                now);
        apply(issuedNote);
        if (refundMethod == RefundMethod.CARD) {
            apply(new RefundRequested(
                    invoiceId,
                    order.accountId(),
                    c.creditNoteId(),
                    c.creditNoteId(),
                    creditNoteNumber,
                    chargeReference,
                    refund,
                    order.currency(),
                    now));
        }
        return Optional.of(issuedNote);
    }

    @CommandHandler
    void handle(RecordRefund c, Clock clock) {
        RefundRequested pending = pendingRefunds.get(c.refundId());
        if (pending == null) {
            return;
        }
        Instant now = clock.instant();
        if (c.approved()) {
            apply(new PaymentRefunded(
                    invoiceId,
                    order.accountId(),
                    pending.refundId(),
                    pending.creditNoteId(),
                    pending.creditNoteNumber(),
                    pending.amount(),
                    pending.currency(),
                    c.gatewayReference(),
                    now));
        } else {
            apply(new PaymentRefundFailed(
                    invoiceId,
                    order.accountId(),
                    pending.refundId(),
                    pending.creditNoteId(),
                    pending.creditNoteNumber(),
                    pending.amount(),
                    pending.currency(),
                    c.outcome(),
                    c.message(),
                    now));
        }
    }

    /**
     * Whether the account was erased (GDPR Art. 17, ADR 24): its billing stops where the invoice still decides
     * something. An order not issued yet is never issued, a card is neither verified nor charged, and an issued invoice
     * is not marked overdue nor dunned (no reminder goes out); what was issued stays as it is, payments that arrive are
     * still booked and credit notes may still be issued.
     */
    private boolean erased(PersonalDataErasure erasure) {
        return erasure.isErased(order.accountId());
    }

    /** The gross less what credit notes took off. */
    private BigDecimal amountDue() {
        return gross.subtract(creditedNet).subtract(creditedVat);
    }

    /** The invoice's term as credited: its first line with the credited net (an invoice has one line per term). */
    private List<InvoiceLine> creditedLines(BigDecimal net) {
        InvoiceLine first = issued.lines().get(0);
        return List.of(
                new InvoiceLine(first.description(), first.tier(), first.termStartsOn(), first.termEndsOn(), net));
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
        cardToken = e.cardToken();
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
        issued = e;
        status = InvoiceStatus.OPEN;
        number = e.number();
        gross = e.gross();
        dueDate = e.dueDate();
        paymentReference = e.paymentReference();
        nextChargeOn = e.paymentMethod() == PaymentMethod.CARD ? e.dueDate() : null;
    }

    @EventSourcingHandler
    void on(PaymentCaptured e) {
        if (e.method() == PaymentMethod.BANK_TRANSFER) {
            bookedStatementEntries.add(e.reference());
        }
        captured = captured.add(e.amount());
        capturedBy = e.method();
        if (e.method() == PaymentMethod.CARD) {
            chargeReference = e.reference();
        }
        nextChargeOn = null;
    }

    @EventSourcingHandler
    void on(PaymentFailed e) {
        chargeAttempts = e.attempt();
        nextChargeOn = e.nextAttemptOn();
    }

    @EventSourcingHandler
    void on(InvoiceCardReplaced e) {
        card = CardState.VERIFIED;
        cardToken = e.cardToken();
        if (e.chargeAttemptNow() != null) {
            nextChargeOn = LocalDate.ofInstant(e.replacedAt(), ZoneOffset.UTC);
        }
    }

    @EventSourcingHandler
    void on(InvoiceDunningExhausted e) {
        dunningExhausted = true;
    }

    @EventSourcingHandler
    void on(CreditNoteIssued e) {
        creditNoteIds.add(e.creditNoteId());
        lastCreditNoteId = e.creditNoteId();
        lastCreditNoteNumber = e.number();
        creditedNet = creditedNet.add(e.net());
        creditedVat = creditedVat.add(e.vat());
        status = e.invoiceStatus();
        if (e.refundMethod() == RefundMethod.BANK_TRANSFER) {
            paidBack = paidBack.add(e.refundAmount());
        }
    }

    @EventSourcingHandler
    void on(RefundRequested e) {
        paidBack = paidBack.add(e.amount());
        pendingRefunds.put(e.refundId(), e);
    }

    @EventSourcingHandler
    void on(PaymentRefunded e) {
        pendingRefunds.remove(e.refundId());
    }

    @EventSourcingHandler
    void on(PaymentRefundFailed e) {
        pendingRefunds.remove(e.refundId());
        // the money did not go back: it counts as received again
        paidBack = paidBack.subtract(e.amount());
    }

    @EventSourcingHandler
    void on(InvoicePaid e) {
        if (status != InvoiceStatus.CREDITED) {
            status = InvoiceStatus.PAID;
        }
    }

    @EventSourcingHandler
    void on(InvoiceOverdue e) {
        status = InvoiceStatus.OVERDUE;
    }
}

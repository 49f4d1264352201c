package com.canon.cps.billing.messaging;

import com.canon.cps.billing.card.domain.CardChangeDeclined;
import com.canon.cps.billing.card.domain.CardChanged;
import com.canon.cps.billing.contract.Address;
import com.canon.cps.billing.contract.InvoiceDocument;
import com.canon.cps.billing.contract.Money;
import com.canon.cps.billing.contract.PaymentInstructions;
import com.canon.cps.billing.invoice.document.InvoicePdf;
import com.canon.cps.billing.invoice.domain.CardVerificationFailed;
import com.canon.cps.billing.invoice.domain.CardVerified;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceDunningExhausted;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.InvoiceOverdue;
import com.canon.cps.billing.invoice.domain.InvoicePaid;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentCaptured;
import com.canon.cps.billing.invoice.domain.PaymentFailed;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.PaymentRefundFailed;
import com.canon.cps.billing.invoice.domain.PaymentRefunded;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps billing's internal events (of every feature: invoices, the account's card) to the published contract on
 * {@code cps.billing.events} (key = account id). An issued invoice or credit note goes out with its PDF, rendered here
 * from the event (deterministically: a re-publication carries the same bytes). The opened order, a card requested or
 * given to an invoice, and a refund requested stay inside. An erased account's invoices and credit notes go out (late or
 * again) without its personal data: the buyer, purchase order number and reason read "[erased]", also in the PDF,
 * although billing itself keeps the buyer for the tax retention (ADR 24).
 */
@Component
class BillingEventsPublisher implements ContractEventMapper {

    static final String BANK_CHARGES_NOTE = "Additional bank charges may apply.";

    private final InvoicePdf pdf;
    private final PersonalDataErasure erasure;

    BillingEventsPublisher(InvoicePdf pdf, PersonalDataErasure erasure) {
        this.pdf = pdf;
        this.erasure = erasure;
    }

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof InvoiceIssued issued) {
            InvoiceIssued e = erasure.isErased(issued.accountId()) ? issued.erased() : issued;
            return out(
                    com.canon.cps.billing.contract.InvoiceIssued.TYPE, e.accountId(), invoiceIssued(e, pdf.render(e)));
        }
        if (payload instanceof CardVerified e) {
            return out(
                    com.canon.cps.billing.contract.PaymentMethodVerified.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentMethodVerified(
                            e.accountId(), e.subscriptionId(), e.cardToken(), e.gatewayReference(), e.verifiedAt()));
        }
        if (payload instanceof CardVerificationFailed e) {
            return out(
                    com.canon.cps.billing.contract.PaymentMethodVerificationFailed.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentMethodVerificationFailed(
                            e.accountId(), e.subscriptionId(), e.cardToken(), e.reason(), e.failedAt()));
        }
        if (payload instanceof PaymentCaptured e) {
            return out(
                    com.canon.cps.billing.contract.PaymentCaptured.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentCaptured(
                            e.accountId(),
                            e.invoiceId(),
                            e.number(),
                            money(e.amount(), e.currency()),
                            e.method().name(),
                            e.reference(),
                            e.capturedAt()));
        }
        if (payload instanceof PaymentFailed e) {
            return out(
                    com.canon.cps.billing.contract.PaymentFailed.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentFailed(
                            e.accountId(),
                            e.invoiceId(),
                            e.number(),
                            money(e.amount(), e.currency()),
                            e.reason(),
                            e.attempt(),
                            e.nextAttemptOn(),
                            e.failedAt()));
        }
        if (payload instanceof InvoicePaid e) {
            return out(
                    com.canon.cps.billing.contract.InvoicePaid.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.InvoicePaid(
                            e.accountId(), e.invoiceId(), e.number(), e.method().name(), e.paidOn(), e.paidAt()));
        }
        if (payload instanceof InvoiceDunningExhausted e) {
            return out(
                    com.canon.cps.billing.contract.InvoiceDunningExhausted.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.InvoiceDunningExhausted(
                            e.accountId(),
                            e.invoiceId(),
                            e.subscriptionId(),
                            e.number(),
                            money(e.amountDue(), e.currency()),
                            e.dueDate(),
                            e.paymentMethod().name(),
                            e.exhaustedAt()));
        }
        if (payload instanceof CreditNoteIssued issued) {
            CreditNoteIssued e = erasure.isErased(issued.accountId()) ? issued.erased() : issued;
            return out(
                    com.canon.cps.billing.contract.CreditNoteIssued.TYPE,
                    e.accountId(),
                    creditNoteIssued(e, pdf.render(e)));
        }
        if (payload instanceof PaymentRefunded e) {
            return out(
                    com.canon.cps.billing.contract.PaymentRefunded.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentRefunded(
                            e.accountId(),
                            e.invoiceId(),
                            e.creditNoteId(),
                            e.creditNoteNumber(),
                            money(e.amount(), e.currency()),
                            "CARD",
                            e.gatewayReference(),
                            e.refundedAt()));
        }
        if (payload instanceof PaymentRefundFailed e) {
            return out(
                    com.canon.cps.billing.contract.PaymentRefundFailed.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentRefundFailed(
                            e.accountId(),
                            e.invoiceId(),
                            e.creditNoteId(),
                            e.creditNoteNumber(),
                            money(e.amount(), e.currency()),
                            e.outcome(),
                            e.message(),
                            e.failedAt()));
        }
        if (payload instanceof CardChanged e) {
            return out(
                    com.canon.cps.billing.contract.PaymentMethodChanged.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentMethodChanged(
                            e.accountId(), e.requestId(), "CARD", e.cardToken(), e.gatewayReference(), e.changedAt()));
        }
        if (payload instanceof CardChangeDeclined e) {
            return out(
                    com.canon.cps.billing.contract.PaymentMethodChangeDeclined.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.PaymentMethodChangeDeclined(
                            e.accountId(), e.requestId(), e.cardToken(), e.reason(), e.declinedAt()));
        }
        if (payload instanceof InvoiceOverdue e) {
            return out(
                    com.canon.cps.billing.contract.InvoiceOverdue.TYPE,
                    e.accountId(),
                    new com.canon.cps.billing.contract.InvoiceOverdue(
                            e.accountId(),
                            e.invoiceId(),
                            e.number(),
                            money(e.gross(), e.currency()),
                            e.dueDate(),
                            e.paymentMethod().name(),
                            e.paymentReference(),
                            e.overdueAt()));
        }
        return Optional.empty();
    }

    static com.canon.cps.billing.contract.InvoiceIssued invoiceIssued(InvoiceIssued e, byte[] document) {
        return new com.canon.cps.billing.contract.InvoiceIssued(
                e.accountId(),
                e.invoiceId(),
                e.subscriptionId(),
                e.number(),
                e.series(),
                e.issueDate(),
                e.dueDate(),
                party(e.seller()),
                party(e.buyer()),
                e.language(),
                lines(e.lines(), e.currency()),
                money(e.net(), e.currency()),
                e.vatRate().toPlainString(),
                money(e.vat(), e.currency()),
                money(e.gross(), e.currency()),
                e.vatTreatment().name(),
                e.vatNote(),
                e.purchaseOrderNumber(),
                e.paymentMethod().name(),
                e.paymentReference(),
                instructions(e),
                pdfDocument(e.number(), document),
                e.issuedAt());
    }

    static com.canon.cps.billing.contract.CreditNoteIssued creditNoteIssued(CreditNoteIssued e, byte[] document) {
        return new com.canon.cps.billing.contract.CreditNoteIssued(
                e.accountId(),
                e.creditNoteId(),
                e.invoiceId(),
                e.invoiceNumber(),
                e.invoiceIssueDate(),
                e.number(),
                e.series(),
                e.issueDate(),
                party(e.seller()),
                party(e.buyer()),
                e.language(),
                e.reason(),
                lines(e.lines(), e.currency()),
                money(e.net(), e.currency()),
                e.vatRate().toPlainString(),
                money(e.vat(), e.currency()),
                money(e.gross(), e.currency()),
                e.vatTreatment().name(),
                e.vatNote(),
                money(e.creditedTotal(), e.currency()),
                e.invoiceStatus().name(),
                e.refundMethod().name(),
                pdfDocument(e.number(), document),
                e.issuedAt());
    }

    /** The lines as printed on an invoice or credit note, amounts in its currency. */
    private static List<com.canon.cps.billing.contract.InvoiceLine> lines(List<InvoiceLine> lines, String currency) {
        return lines.stream()
                .map(l -> new com.canon.cps.billing.contract.InvoiceLine(
                        l.description(), l.tier(), l.termStartsOn(), l.termEndsOn(), money(l.net(), currency)))
                .toList();
    }

    /** The rendered PDF of the invoice or credit note numbered {@code number}, with its digest. */
    private static InvoiceDocument pdfDocument(String number, byte[] document) {
        return new InvoiceDocument(
                number + ".pdf", "application/pdf", Base64.getEncoder().encodeToString(document), Sha256.hex(document));
    }

    private static PaymentInstructions instructions(InvoiceIssued e) {
        if (e.paymentMethod() == PaymentMethod.BANK_TRANSFER && e.bank() != null) {
            return new PaymentInstructions(
                    e.paymentMethod().name(),
                    e.bank().accountHolder(),
                    e.bank().iban(),
                    e.bank().bic(),
                    e.paymentReference(),
                    BANK_CHARGES_NOTE);
        }
        return new PaymentInstructions(e.paymentMethod().name(), null, null, null, null, null);
    }

    private static com.canon.cps.billing.contract.Party party(Party p) {
        return new com.canon.cps.billing.contract.Party(
                p.name(), new Address(p.line1(), p.postalCode(), p.city(), p.country()), p.vatId());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), currency);
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }
}

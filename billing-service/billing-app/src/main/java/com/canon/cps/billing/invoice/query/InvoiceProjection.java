package com.canon.cps.billing.invoice.query;

import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceCardReplaced;
import com.canon.cps.billing.invoice.domain.InvoiceDunningExhausted;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceOverdue;
import com.canon.cps.billing.invoice.domain.InvoicePaid;
import com.canon.cps.billing.invoice.domain.InvoiceStatus;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentFailed;
import com.canon.cps.billing.invoice.domain.PaymentRefundFailed;
import com.canon.cps.billing.invoice.domain.PaymentRefunded;
import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per issued invoice, every write guarded by the event's sequence number (replays change nothing).
 * Orders not yet invoiced have no document: the member sees invoices only once they are issued.
 */
@Component
@ProcessingGroup("invoices")
@Projection(InvoiceView.class)
class InvoiceProjection {

    private final ProjectionWriter writer;

    InvoiceProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("accountId", e.accountId())
                .set("subscriptionId", e.subscriptionId())
                .set("number", e.number())
                .set("series", e.series())
                .set("issueDate", e.issueDate().toString())
                .set("dueDate", e.dueDate().toString())
                .set("currency", e.currency())
                .set("net", amount(e.net()))
                .set("vatRate", amount(e.vatRate()))
                .set("vat", amount(e.vat()))
                .set("gross", amount(e.gross()))
                .set("vatTreatment", e.vatTreatment().name())
                .set("vatNote", e.vatNote())
                .set("status", InvoiceStatus.OPEN.name())
                .set("paymentMethod", e.paymentMethod().name())
                .set("purchaseOrderNumber", e.purchaseOrderNumber())
                .set("paymentReference", e.paymentReference())
                .set("seller", party(e.seller()))
                .set("buyer", party(e.buyer()))
                .set(
                        "lines",
                        e.lines().stream()
                                .map(l -> new InvoiceView.LineView(
                                        l.description(),
                                        l.tier(),
                                        l.termStartsOn().toString(),
                                        l.termEndsOn().toString(),
                                        amount(l.net())))
                                .toList())
                .set(
                        "bank",
                        e.bank() == null
                                ? null
                                : new InvoiceView.BankView(
                                        e.bank().accountHolder(),
                                        e.bank().iban(),
                                        e.bank().bic()));
        writer.upsert(InvoiceView.COLLECTION, e.invoiceId(), sequence, update);
    }

    @EventHandler
    void on(PaymentFailed e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update()
                        .set("lastPaymentFailure", e.reason())
                        .set(
                                "nextChargeOn",
                                e.nextAttemptOn() == null
                                        ? null
                                        : e.nextAttemptOn().toString()));
    }

    @EventHandler
    void on(InvoicePaid e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update()
                        .set("status", InvoiceStatus.PAID.name())
                        .set("paidOn", e.paidOn().toString())
                        .set("paidBy", e.method().name())
                        .set("nextChargeOn", null));
    }

    @EventHandler
    void on(CreditNoteIssued e, @SequenceNumber long sequence) {
        String refundStatus = switch (e.refundMethod()) {
            case CARD -> "PENDING";
            case BANK_TRANSFER -> "BY_BANK_TRANSFER";
            case NONE -> "NONE";
        };
        Update update = new Update()
                .set("status", e.invoiceStatus().name())
                .set("credited", amount(e.creditedTotal()))
                .set(
                        "creditNotes." + e.creditNoteId(),
                        new InvoiceView.CreditNoteView(
                                e.creditNoteId(),
                                e.number(),
                                e.issueDate().toString(),
                                e.reason(),
                                amount(e.net()),
                                amount(e.vat()),
                                amount(e.gross()),
                                e.refundMethod().name(),
                                amount(e.refundAmount()),
                                refundStatus,
                                null));
        if (e.invoiceStatus() == InvoiceStatus.CREDITED) {
            update.set("nextChargeOn", null);
        }
        writer.upsert(InvoiceView.COLLECTION, e.invoiceId(), sequence, update);
    }

    @EventHandler
    void on(PaymentRefunded e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update()
                        .set("creditNotes." + e.creditNoteId() + ".refundStatus", "REFUNDED")
                        .set("creditNotes." + e.creditNoteId() + ".refundReference", e.gatewayReference()));
    }

    @EventHandler
    void on(PaymentRefundFailed e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update().set("creditNotes." + e.creditNoteId() + ".refundStatus", "FAILED"));
    }

    @EventHandler
    void on(InvoiceDunningExhausted e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update()
                        .set(
                                "dunningExhaustedOn",
                                LocalDate.ofInstant(e.exhaustedAt(), ZoneOffset.UTC)
                                        .toString()));
    }

    @EventHandler
    void on(InvoiceCardReplaced e, @SequenceNumber long sequence) {
        if (e.chargeAttemptNow() != null) {
            writer.upsert(
                    InvoiceView.COLLECTION,
                    e.invoiceId(),
                    sequence,
                    new Update()
                            .set(
                                    "nextChargeOn",
                                    LocalDate.ofInstant(e.replacedAt(), ZoneOffset.UTC)
                                            .toString()));
        }
    }

    @EventHandler
    void on(InvoiceOverdue e, @SequenceNumber long sequence) {
        writer.upsert(
                InvoiceView.COLLECTION,
                e.invoiceId(),
                sequence,
                new Update().set("status", InvoiceStatus.OVERDUE.name()));
    }

    private static InvoiceView.PartyView party(Party p) {
        return new InvoiceView.PartyView(p.name(), p.line1(), p.postalCode(), p.city(), p.country(), p.vatId());
    }

    private static String amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

package com.canon.cps.billing.invoice.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.InvoicePaid;
import com.canon.cps.billing.invoice.domain.InvoiceStatus;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.PaymentRefunded;
import com.canon.cps.billing.invoice.domain.RefundMethod;
import com.canon.cps.billing.invoice.domain.VatTreatment;
import com.canon.cps.platform.test.FakeProjectionWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The invoice view's projection against a recording writer: what each event sets, without Spring or Mongo. */
class InvoiceProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Party SELLER =
            new Party("Canon UK Ltd", "4 Roundwood Ave", "UB11 1AF", "Uxbridge", "GB", null);
    private static final Party BUYER = new Party("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", null);

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final InvoiceProjection projection = new InvoiceProjection(writer);

    private static InvoiceIssued issued() {
        return new InvoiceIssued(
                "inv-1",
                "acc-1",
                "sub-1",
                "CPS-GB-2026-000123",
                "CPS-GB-2026",
                LocalDate.parse("2026-11-27"),
                LocalDate.parse("2026-12-27"),
                SELLER,
                BUYER,
                "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        LocalDate.parse("2026-11-27"),
                        LocalDate.parse("2027-11-26"),
                        new BigDecimal("85.00"))),
                "GBP",
                new BigDecimal("85.00"),
                new BigDecimal("20.00"),
                new BigDecimal("17.00"),
                new BigDecimal("102.00"),
                VatTreatment.UK_VAT,
                null,
                "PO-7781",
                PaymentMethod.CARD,
                null,
                null,
                NOW);
    }

    @Test
    void anIssuedInvoice_isAnOpenDocument_withItsAmountsAtTwoDecimals_guardedByItsSequence() {
        projection.on(issued(), 3);

        assertThat(writer.writes()).hasSize(1);
        FakeProjectionWriter.Write write = writer.writes().get(0);
        assertThat(write.collection()).isEqualTo(InvoiceView.COLLECTION);
        assertThat(write.id()).isEqualTo("inv-1");
        assertThat(write.version()).isEqualTo(3);
        Document set = write.set();
        assertThat(set.get("status")).isEqualTo("OPEN");
        assertThat(set.get("number")).isEqualTo("CPS-GB-2026-000123");
        assertThat(set.get("gross")).isEqualTo("102.00");
        assertThat(set.get("vatRate")).isEqualTo("20.00");
        assertThat(set.get("paymentMethod")).isEqualTo("CARD");
        assertThat(set.get("dueDate")).isEqualTo("2026-12-27");
        assertThat(set.get("buyer"))
                .isEqualTo(
                        new InvoiceView.PartyView("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", null));
    }

    @Test
    void aPaidInvoice_isPaid_byTheMethodsName_withNoChargeToCome() {
        projection.on(
                new InvoicePaid(
                        "inv-1",
                        "acc-1",
                        "CPS-GB-2026-000123",
                        PaymentMethod.MANUAL,
                        LocalDate.parse("2026-12-01"),
                        NOW),
                5);

        Document set = writer.writes().get(0).set();
        assertThat(set)
                .containsEntry("status", "PAID")
                .containsEntry("paidOn", "2026-12-01")
                .containsEntry("paidBy", "MANUAL")
                .containsEntry("nextChargeOn", null);
    }

    @Test
    void aCreditNoteRefundedByCard_isPendingUntilTheRefundArrives() {
        CreditNoteIssued note = new CreditNoteIssued(
                "inv-1",
                "acc-1",
                "cn-1",
                "CN-GB-2026-000001",
                "CN-GB-2026",
                LocalDate.parse("2026-12-02"),
                "CPS-GB-2026-000123",
                LocalDate.parse("2026-11-27"),
                SELLER,
                BUYER,
                "en",
                "Order cancelled",
                issued().lines(),
                "GBP",
                new BigDecimal("85.00"),
                new BigDecimal("20.00"),
                new BigDecimal("17.00"),
                new BigDecimal("102.00"),
                VatTreatment.UK_VAT,
                null,
                new BigDecimal("102.00"),
                InvoiceStatus.CREDITED,
                RefundMethod.CARD,
                new BigDecimal("102.00"),
                "operator-1",
                NOW);

        projection.on(note, 6);
        projection.on(
                new PaymentRefunded(
                        "inv-1",
                        "acc-1",
                        "cn-1",
                        "cn-1",
                        "CN-GB-2026-000001",
                        new BigDecimal("102.00"),
                        "GBP",
                        "re_1",
                        NOW),
                7);

        Document credited = writer.writes().get(0).set();
        assertThat(credited).containsEntry("status", "CREDITED").containsEntry("credited", "102.00");
        InvoiceView.CreditNoteView view = (InvoiceView.CreditNoteView) credited.get("creditNotes.cn-1");
        assertThat(view.refundMethod()).isEqualTo("CARD");
        assertThat(view.refundStatus()).isEqualTo("PENDING");
        assertThat(view.gross()).isEqualTo("102.00");
        assertThat(writer.writes().get(1).set())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "creditNotes.cn-1.refundStatus", "REFUNDED", "creditNotes.cn-1.refundReference", "re_1"));
    }
}

package com.canon.cps.billing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.InvoiceStatus;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.RefundMethod;
import com.canon.cps.billing.invoice.domain.VatTreatment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Every kind of invoice the platform issues (docs/domain.md §5: domestic, reverse charge, UK VAT, outside the EU; by bank
 * transfer and by card) is a valid Factur-X / ZUGFeRD e-invoice by Mustang's validator: PDF/A-3 (veraPDF) and the
 * EN 16931 XML (schema and Schematron, arithmetic included). German buyers' XRechnung passes the XRechnung 3.0 rules.
 */
class EInvoiceValidationTest {

    static final Party SELLER =
            new Party("Canon Europa N.V.", "Bovenkerkerweg 59", "1185 XB", "Amstelveen", "NL", "NL004495445B01");
    static final Party SELLER_UK =
            new Party("Canon Europa N.V.", "Bovenkerkerweg 59", "1185 XB", "Amstelveen", "NL", "GB123456782");
    static final BankDetails BANK = new BankDetails("Canon Europa N.V.", "NL91ABNA0417164300", "ABNANL2A");

    private final EInvoiceXml xml = new EInvoiceXml(InvoicePdfTest.E_INVOICE);
    private final InvoicePdf pdf = new InvoicePdf(xml);

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("domestic, bank transfer", domestic(PaymentMethod.BANK_TRANSFER)),
                Arguments.of("domestic, card", domestic(PaymentMethod.CARD)),
                Arguments.of("reverse charge, bank transfer", reverseCharge(PaymentMethod.BANK_TRANSFER)),
                Arguments.of("reverse charge, card", reverseCharge(PaymentMethod.CARD)),
                Arguments.of("UK VAT, bank transfer", ukVat(PaymentMethod.BANK_TRANSFER)),
                Arguments.of("UK VAT, card", ukVat(PaymentMethod.CARD)),
                Arguments.of("outside the EU, bank transfer", nonEu(PaymentMethod.BANK_TRANSFER)),
                Arguments.of("outside the EU, card", nonEu(PaymentMethod.CARD)),
                Arguments.of("German buyer without a confirmed VAT ID", germanDomestic(PaymentMethod.BANK_TRANSFER)));
    }

    static Stream<Arguments> germanBuyers() {
        return Stream.of(
                Arguments.of("reverse charge, bank transfer", reverseCharge(PaymentMethod.BANK_TRANSFER)),
                Arguments.of("reverse charge, card", reverseCharge(PaymentMethod.CARD)),
                Arguments.of("Dutch VAT, bank transfer", germanDomestic(PaymentMethod.BANK_TRANSFER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindOfInvoice_isAValidFacturXInvoice(String kind, InvoiceIssued invoice) {
        byte[] document = pdf.render(invoice);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        if (invoice.vatTreatment() == VatTreatment.NON_EU) {
            // Mustang's arithmetic check re-reads the XML with its importer, which fails (NullPointerException) on a
            // category O line: EN 16931 gives such a line no rate. The Schematron still checks every sum (BR-CO-*).
            validator.disableArithmeticCheck();
        }
        String report = validator.validate(document, invoice.number() + ".pdf");

        assertThat(report).as(report).contains("<pdf>").doesNotContain("status=\"invalid\"");
        assertThat(report)
                .as(report)
                .contains("isCompliant=true")
                .doesNotContain("<error")
                .doesNotContain("<warning");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(document.length).as("size of the PDF").isLessThan(80_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("germanBuyers")
    void germanBuyers_xRechnung_isValid(String kind, InvoiceIssued invoice) {
        byte[] xRechnung = xml.xRechnung(invoice, "einkauf@mueller-foto.example");

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xRechnung, invoice.number() + ".xml");

        assertThat(new String(xRechnung, StandardCharsets.UTF_8))
                .contains("urn:xeinkauf.de:kosit:xrechnung_3.0")
                .contains("einkauf@mueller-foto.example");
        assertThat(report).as(report).doesNotContain("status=\"invalid\"");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    static Stream<Arguments> creditNotes() {
        return Stream.of(
                Arguments.of(
                        "UK VAT in full, refunded to the card",
                        creditNote(ukVat(PaymentMethod.CARD), "CARD", "85.00", "17.00")),
                Arguments.of(
                        "domestic in part, paid back by transfer",
                        creditNote(domestic(PaymentMethod.BANK_TRANSFER), "BANK_TRANSFER", "41.32", "8.68")),
                Arguments.of(
                        "reverse charge, unpaid",
                        creditNote(reverseCharge(PaymentMethod.BANK_TRANSFER), "NONE", "200.00", "0.00")),
                Arguments.of(
                        "outside the EU, refunded to the card",
                        creditNote(nonEu(PaymentMethod.CARD), "CARD", "95.00", "0.00")));
    }

    /** Every kind of credit note is a valid Factur-X / ZUGFeRD e-invoice of type 381 referring to its invoice. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("creditNotes")
    void everyKindOfCreditNote_isAValidFacturXCreditNote(String kind, CreditNoteIssued creditNote) {
        byte[] document = pdf.render(creditNote);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        if (creditNote.vatTreatment() == VatTreatment.NON_EU) {
            validator.disableArithmeticCheck(); // as for invoices: Mustang's importer cannot read a category O line
        }
        String report = validator.validate(document, creditNote.number() + ".pdf");

        assertThat(report)
                .as(report)
                .contains("isCompliant=true")
                .doesNotContain("<error")
                .doesNotContain("<warning");
        assertThat(report).as(report).doesNotContain("status=\"invalid\"");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        String facturX = new String(
                xml.facturX(InvoicePdf.asDocument(creditNote), InvoicePdf.details(creditNote)), StandardCharsets.UTF_8);
        assertThat(facturX).contains("<ram:TypeCode>381</ram:TypeCode>").contains(creditNote.invoiceNumber());
        assertThat(pdf.render(creditNote)).as("same event, same bytes").isEqualTo(document);
    }

    static CreditNoteIssued creditNote(InvoiceIssued invoice, String refundMethod, String net, String vat) {
        BigDecimal n = new BigDecimal(net);
        BigDecimal v = new BigDecimal(vat);
        String number = "CN" + invoice.number().substring(3);
        return new CreditNoteIssued(
                invoice.invoiceId(),
                invoice.accountId(),
                "cn-" + number,
                number,
                number.substring(0, number.lastIndexOf('-')),
                invoice.issueDate().plusDays(40),
                invoice.number(),
                invoice.issueDate(),
                invoice.seller(),
                invoice.buyer(),
                invoice.language(),
                "Order cancelled at the member's request",
                List.of(new InvoiceLine(
                        invoice.lines().get(0).description(),
                        invoice.lines().get(0).tier(),
                        invoice.lines().get(0).termStartsOn(),
                        invoice.lines().get(0).termEndsOn(),
                        n)),
                invoice.currency(),
                n,
                invoice.vatRate(),
                v,
                n.add(v),
                invoice.vatTreatment(),
                invoice.vatNote(),
                n.add(v),
                n.add(v).compareTo(invoice.gross()) == 0 ? InvoiceStatus.CREDITED : InvoiceStatus.PAID,
                RefundMethod.valueOf(refundMethod),
                refundMethod.equals("NONE") ? BigDecimal.ZERO : n.add(v),
                "operator@cps.local",
                invoice.issuedAt().plusSeconds(40L * 86_400));
    }

    static InvoiceIssued domestic(PaymentMethod method) {
        return invoice(
                "CPS-NL-2026-000001",
                SELLER,
                new Party("Lichtbeeld B.V.", "Damrak 1", "1012 LG", "Amsterdam", "NL", "NL123456782B01"),
                "EUR",
                "100.00",
                "21.00",
                "21.00",
                VatTreatment.DOMESTIC,
                null,
                method);
    }

    static InvoiceIssued germanDomestic(PaymentMethod method) {
        return invoice(
                "CPS-DE-2026-000007",
                SELLER,
                new Party("Müller Fotografie GmbH", "Königsallee 1", "40212", "Düsseldorf", "DE", null),
                "EUR",
                "100.00",
                "21.00",
                "21.00",
                VatTreatment.DOMESTIC,
                null,
                method);
    }

    static InvoiceIssued reverseCharge(PaymentMethod method) {
        return invoice(
                "CPS-DE-2026-000042",
                SELLER,
                new Party("Müller Fotografie GmbH", "Königsallee 1", "40212", "Düsseldorf", "DE", "DE136695976"),
                "EUR",
                "200.00",
                "0.00",
                "0.00",
                VatTreatment.REVERSE_CHARGE,
                "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).",
                method);
    }

    static InvoiceIssued ukVat(PaymentMethod method) {
        return invoice(
                "CPS-GB-2026-000123",
                SELLER_UK,
                new Party("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", "GB980780684"),
                "GBP",
                "85.00",
                "20.00",
                "17.00",
                VatTreatment.UK_VAT,
                null,
                method);
    }

    static InvoiceIssued nonEu(PaymentMethod method) {
        return invoice(
                "CPS-CH-2026-000007",
                SELLER,
                new Party("Alpenlicht AG", "Bahnhofstrasse 10", "8001", "Zürich", "CH", "CHE116281710"),
                "CHF",
                "95.00",
                "0.00",
                "0.00",
                VatTreatment.NON_EU,
                "Not subject to EU VAT: service supplied to a business established outside the EU (Article 44,"
                        + " Council Directive 2006/112/EC).",
                method);
    }

    private static InvoiceIssued invoice(
            String number,
            Party seller,
            Party buyer,
            String currency,
            String net,
            String rate,
            String vat,
            VatTreatment treatment,
            String note,
            PaymentMethod method) {
        boolean transfer = method == PaymentMethod.BANK_TRANSFER;
        LocalDate issued = LocalDate.of(2026, 11, 27);
        return new InvoiceIssued(
                "inv-" + number,
                "acc-" + number,
                "sub-" + number,
                number,
                number.substring(0, number.lastIndexOf('-')),
                issued,
                issued.plusDays(30),
                seller,
                buyer,
                buyer.country().equals("DE") ? "de" : "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        issued,
                        issued.plusYears(1).minusDays(1),
                        new BigDecimal(net))),
                currency,
                new BigDecimal(net),
                new BigDecimal(rate),
                new BigDecimal(vat),
                new BigDecimal(net).add(new BigDecimal(vat)),
                treatment,
                note,
                "PO-7781",
                method,
                transfer ? "RF18" + number.replace("-", "").substring(0, 10) : null,
                transfer ? BANK : null,
                Instant.parse("2026-11-27T09:15:30Z"));
    }
}

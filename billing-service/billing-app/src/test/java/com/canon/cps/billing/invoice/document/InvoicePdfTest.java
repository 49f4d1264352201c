package com.canon.cps.billing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.canon.cps.billing.config.EInvoiceSettings;
import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.VatTreatment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The invoice PDF carries every mandatory field, in English or German, renders any text and is reproducible. */
class InvoicePdfTest {

    private static final Party SELLER_UK = new Party(
            "Canon (UK) Ltd", "4 Roundwood Avenue, Stockley Park", "UB11 1AF", "Uxbridge", "GB", "GB123456789");
    private static final Party SELLER_EU =
            new Party("Canon Europa N.V.", "Bovenkerkerweg 59", "1185 XB", "Amstelveen", "NL", "NL001234567B01");
    private static final BankDetails BANK_UK = new BankDetails("Canon (UK) Ltd", "GB33BUKB20201555555555", "BUKBGB22");

    static final EInvoiceSettings E_INVOICE = new EInvoiceSettings(
            "33000000",
            "0106",
            "einvoice@cps.canon-europe.com",
            "Canon Professional Services billing",
            "+31 20 000 0000",
            "billing@cps.canon-europe.com");

    private final InvoicePdf pdf = new InvoicePdf(new EInvoiceXml(E_INVOICE));

    private static InvoiceIssued gbBankTransfer() {
        return new InvoiceIssued(
                "inv-5b1c7f7e",
                "acc-1",
                "sub-1",
                "CPS-GB-2026-000123",
                "CPS-GB-2026",
                LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 27),
                SELLER_UK,
                new Party("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", "GB980780684"),
                "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        LocalDate.of(2026, 11, 27),
                        LocalDate.of(2027, 11, 26),
                        new BigDecimal("85.00"))),
                "GBP",
                new BigDecimal("85.00"),
                new BigDecimal("20.00"),
                new BigDecimal("17.00"),
                new BigDecimal("102.00"),
                VatTreatment.UK_VAT,
                null,
                "PO-7781",
                PaymentMethod.BANK_TRANSFER,
                "RF94CPSGB2026000123",
                BANK_UK,
                Instant.parse("2026-11-27T09:15:30.123Z"));
    }

    private static InvoiceIssued germanReverseCharge() {
        return new InvoiceIssued(
                "inv-de-42",
                "acc-2",
                "sub-2",
                "CPS-DE-2026-000042",
                "CPS-DE-2026",
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31),
                SELLER_EU,
                new Party("Müller Fotografie GmbH", "Königsallee 1", "40212", "Düsseldorf", "DE", "DE136695976"),
                "de",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Gold",
                        "GOLD",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 11, 30),
                        new BigDecimal("200.00"))),
                "EUR",
                new BigDecimal("200.00"),
                new BigDecimal("0.00"),
                new BigDecimal("0.00"),
                new BigDecimal("200.00"),
                VatTreatment.REVERSE_CHARGE,
                "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).",
                null,
                PaymentMethod.BANK_TRANSFER,
                "RF34CPSDE2026000042",
                new BankDetails("Canon Europa N.V.", "NL91ABNA0417164300", "ABNANL2A"),
                Instant.parse("2026-12-01T08:00:00Z"));
    }

    private static InvoiceIssued swissCard() {
        return new InvoiceIssued(
                "inv-ch-7",
                "acc-3",
                "sub-3",
                "CPS-CH-2026-000007",
                "CPS-CH-2026",
                LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 27),
                SELLER_EU,
                new Party("Alpenlicht AG", "Bahnhofstrasse 10", "8001", "Zürich", "CH", null),
                "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        LocalDate.of(2026, 11, 27),
                        LocalDate.of(2027, 11, 26),
                        new BigDecimal("95.00"))),
                "CHF",
                new BigDecimal("95.00"),
                new BigDecimal("0.00"),
                new BigDecimal("0.00"),
                new BigDecimal("95.00"),
                VatTreatment.NON_EU,
                null,
                null,
                PaymentMethod.CARD,
                null,
                null,
                Instant.parse("2026-11-27T10:00:00Z"));
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Extracted text with line breaks and runs of spaces as single spaces (wrapped values come back whole). */
    private static String flat(byte[] bytes) throws IOException {
        return text(bytes).replaceAll("\\s+", " ");
    }

    @Test
    void gbBankTransferInvoice_carriesEveryMandatoryField() throws IOException {
        byte[] bytes = pdf.render(gbBankTransfer());

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Invoice CPS-GB-2026-000123");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
        assertThat(flat(bytes))
                .contains("Invoice")
                .contains("Invoice number CPS-GB-2026-000123")
                .contains("Issue date 27/11/2026")
                .contains("Due date 27/12/2026")
                .contains("Purchase order number PO-7781")
                .contains("Canon (UK) Ltd", "4 Roundwood Avenue, Stockley Park", "UB11 1AF Uxbridge")
                .contains("VAT ID: GB123456789")
                .contains("Bill to", "Lumen Studio Ltd", "1 High St", "SW1A 1AA London", "United Kingdom")
                .contains("VAT ID: GB980780684")
                .contains("Canon Professional Services : Silver")
                .contains("27/11/2026 – 26/11/2027")
                .contains("Net total £85.00")
                .contains("VAT 20% £17.00")
                .contains("Total (gross) £102.00")
                .contains("Currency GBP")
                .contains("Please transfer £102.00 by 27/12/2026 to:")
                .contains("Account holder Canon (UK) Ltd")
                .contains("IBAN GB33 BUKB 2020 1555 5555 55")
                .contains("BIC BUKBGB22")
                .contains("Payment reference RF94 CPSG B202 6000 123")
                .contains("Additional bank charges may apply.")
                .doesNotContain("Reverse charge")
                .doesNotContain("charged to your card");
    }

    @Test
    void germanReverseChargeInvoice_inGerman_withTheWordsAndBothVatIds() throws IOException {
        byte[] bytes = pdf.render(germanReverseCharge());

        assertThat(flat(bytes))
                .contains("Rechnung")
                .contains("Rechnungsnummer CPS-DE-2026-000042")
                .contains("Rechnungsdatum 01.12.2026")
                .contains("Fälligkeitsdatum 31.12.2026")
                .contains("Rechnungsempfänger", "Müller Fotografie GmbH", "Königsallee 1", "40212 Düsseldorf")
                .contains("Deutschland")
                .contains("Canon Europa N.V.", "Niederlande")
                .contains("USt-IdNr.: NL001234567B01")
                .contains("USt-IdNr.: DE136695976")
                .contains("01.12.2026 – 30.11.2027")
                .contains("Nettobetrag 200,00 €")
                .contains("USt. 0 % 0,00 €")
                .contains("Gesamtbetrag (brutto) 200,00 €")
                .contains("Währung EUR")
                .contains("Reverse charge")
                .contains("Steuerschuldnerschaft des Leistungsempfängers")
                .contains("USt-IdNr. des Leistenden: NL001234567B01")
                .contains("USt-IdNr. des Leistungsempfängers: DE136695976")
                .contains("Bitte überweisen Sie 200,00 € bis zum 31.12.2026")
                .contains("Kontoinhaber Canon Europa N.V.")
                .contains("IBAN NL91 ABNA 0417 1643 00")
                .contains("Verwendungszweck RF34 CPSD E202 6000 042")
                .contains("Zusätzliche Bankgebühren können anfallen.")
                .doesNotContain("Bestellnummer");
    }

    @Test
    void englishReverseCharge_printsTheFrozenNote_once() throws IOException {
        InvoiceIssued german = germanReverseCharge();
        InvoiceIssued english = new InvoiceIssued(
                german.invoiceId(),
                german.accountId(),
                german.subscriptionId(),
                german.number(),
                german.series(),
                german.issueDate(),
                german.dueDate(),
                german.seller(),
                german.buyer(),
                "en",
                german.lines(),
                german.currency(),
                german.net(),
                german.vatRate(),
                german.vat(),
                german.gross(),
                german.vatTreatment(),
                german.vatNote(),
                german.purchaseOrderNumber(),
                german.paymentMethod(),
                german.paymentReference(),
                german.bank(),
                german.issuedAt());

        String text = flat(pdf.render(english));

        assertThat(text)
                .contains("Reverse charge: VAT to be accounted for by the recipient")
                .contains("Supplier VAT ID: NL001234567B01")
                .contains("Customer VAT ID: DE136695976")
                .contains("€200.00");
        assertThat(text.split("Reverse charge", -1)).hasSize(2);
    }

    @Test
    void cardInvoice_saysWhenTheCardIsCharged_andHasNoBankDetails() throws IOException {
        String text = flat(pdf.render(swissCard()));

        assertThat(text)
                .contains("Invoice number CPS-CH-2026-000007")
                .contains("Alpenlicht AG", "8001 Zürich", "Switzerland")
                .contains("Net total CHF 95.00")
                .contains("Total (gross) CHF 95.00")
                .contains("Currency CHF")
                .contains("Not subject to EU VAT")
                .contains("The amount will be charged to your card on 27/12/2026.")
                .doesNotContain("IBAN")
                .doesNotContain("Additional bank charges")
                .doesNotContain("Purchase order number");
    }

    @Test
    void sameInvoice_sameBytes() {
        byte[] first = pdf.render(gbBankTransfer());
        byte[] second = new InvoicePdf(new EInvoiceXml(E_INVOICE)).render(gbBankTransfer());

        assertThat(second).isEqualTo(first);
        assertThat(pdf.render(germanReverseCharge())).isEqualTo(pdf.render(germanReverseCharge()));
    }

    @Test
    void documentDates_comeFromTheIssue() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(gbBankTransfer()))) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
            assertThat(document.getDocumentInformation().getModificationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
        }
    }

    @Test
    void hostileAndInternationalText_rendersLiterally() throws IOException {
        String hostile = "Robert'); DROP TABLE invoices;-- <script>alert(1)</script> ) Tj (x";
        String polish = "Zakład Fotograficzny Łódź Źdźbło Spółka z o.o.";
        String greek = "Φωτογραφείο Αθηνών Ο.Ε.";
        InvoiceIssued base = gbBankTransfer();
        InvoiceIssued invoice = new InvoiceIssued(
                base.invoiceId(),
                base.accountId(),
                base.subscriptionId(),
                base.number(),
                base.series(),
                base.issueDate(),
                base.dueDate(),
                base.seller(),
                new Party(hostile, polish, "00-950", greek, "PL", "PL5260250274"),
                "en",
                List.of(new InvoiceLine(
                        "Studio 📷 membership \\ ( ) % \t tab\nnewline",
                        "SILVER", base.issueDate(), base.lines().get(0).termEndsOn(), base.net())),
                base.currency(),
                base.net(),
                base.vatRate(),
                base.vat(),
                base.gross(),
                base.vatTreatment(),
                null,
                "PO <b>&amp;</b> 1",
                base.paymentMethod(),
                base.paymentReference(),
                base.bank(),
                base.issuedAt());

        byte[] bytes = pdf.render(invoice);

        String text = flat(bytes);
        assertThat(text)
                .contains(hostile)
                .contains(polish)
                .contains(greek)
                .contains("Poland")
                .contains("PO <b>&amp;</b> 1")
                .contains("Studio ? membership \\ ( ) % tab newline");
    }

    @Test
    void veryLongValues_wrapInsideThePage_andContinueOnANewPage() throws IOException {
        InvoiceIssued base = gbBankTransfer();
        String longName = "Extraordinarily Long Company Name Photography and Videography Services International "
                .repeat(8)
                .trim();
        String unbroken = "X".repeat(400);
        InvoiceIssued invoice = new InvoiceIssued(
                base.invoiceId(),
                base.accountId(),
                base.subscriptionId(),
                base.number(),
                base.series(),
                base.issueDate(),
                base.dueDate(),
                base.seller(),
                new Party(longName, unbroken, "SW1A 1AA", "London", "GB", null),
                "en",
                List.of(new InvoiceLine(
                        "Membership ".repeat(400),
                        "SILVER",
                        base.issueDate(),
                        base.lines().get(0).termEndsOn(),
                        base.net())),
                base.currency(),
                base.net(),
                base.vatRate(),
                base.vat(),
                base.gross(),
                base.vatTreatment(),
                null,
                null,
                base.paymentMethod(),
                base.paymentReference(),
                base.bank(),
                base.issuedAt());

        byte[] bytes = pdf.render(invoice);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PositionCheck check = new PositionCheck();
            check.getText(document);
            assertThat(check.outside).as("characters outside the page margins").isZero();
        }
        String text = text(bytes).replaceAll("\\s+", "");
        assertThat(text)
                .contains(longName.replace(" ", ""))
                .contains(unbroken)
                .contains("Additionalbankchargesmayapply.");
    }

    /** Counts characters drawn outside the printable area. */
    private static final class PositionCheck extends PDFTextStripper {
        int outside;

        PositionCheck() throws IOException {}

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
            for (org.apache.pdfbox.text.TextPosition p : positions) {
                float right = p.getXDirAdj() + p.getWidthDirAdj();
                if (p.getXDirAdj() < PdfCanvas.MARGIN - 0.5f
                        || right > PDRectangle.A4.getWidth() - PdfCanvas.MARGIN + 0.5f
                        || p.getYDirAdj() < PdfCanvas.MARGIN - 30
                        || p.getYDirAdj() > PDRectangle.A4.getHeight() - PdfCanvas.MARGIN + 30) {
                    outside++;
                }
            }
        }
    }

    @Test
    void missingOptionalValues_doNotBreakRendering() {
        InvoiceIssued base = swissCard();
        InvoiceIssued sparse = new InvoiceIssued(
                null,
                null,
                null,
                "CPS-CH-2026-000008",
                null,
                base.issueDate(),
                base.dueDate(),
                new Party("Seller", null, null, null, null, null),
                new Party("Buyer", null, null, null, "XX", null),
                null,
                List.of(),
                "CHF",
                base.net(),
                null,
                base.vat(),
                base.gross(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatCode(() -> text(pdf.render(sparse))).doesNotThrowAnyException();
    }

    @Test
    void anErasedAccountsInvoice_rendersWithEveryPersonalValueErased() throws IOException {
        for (InvoiceIssued invoice : List.of(gbBankTransfer(), germanReverseCharge(), swissCard())) {
            String text = text(pdf.render(invoice.erased()));
            assertThat(text)
                    .contains(invoice.number(), "[erased]")
                    .doesNotContain(invoice.buyer().name());
        }
    }
}

package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.bank.CreditorReference;
import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.VatTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * The invoice's layout, top-down: seller, title and invoice data, buyer, lines, totals, VAT note, payment
 * instructions. Optional values (purchase order, VAT IDs, bank details) are left out when absent. A credit note
 * ({@code creditNote} not null) has the same layout with its own title and data (the invoice it credits, the reason)
 * and how money is paid back instead of the payment instructions.
 */
record InvoiceLayout(PdfCanvas c, InvoiceIssued invoice, Labels l, String language, CreditNoteDetails creditNote) {

    private static final float TITLE = 22f;
    private static final float HEADING = 12f;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8.5f;
    private static final float LABEL_WIDTH = 150f;
    /** About 35 mm: what the EPC guideline's examples print, easily scanned from paper and screen. */
    private static final float QR_SIZE = 100f;

    void write() {
        seller();
        c.gap(18);
        if (creditNote == null) {
            c.row(TITLE, c.cell(l.title(), c.left(), c.width()));
            c.gap(6);
            field(l.invoiceNumber(), invoice.number());
            field(l.issueDate(), date(invoice.issueDate()));
            field(l.dueDate(), date(invoice.dueDate()));
            if (present(invoice.purchaseOrderNumber())) {
                field(l.purchaseOrder(), invoice.purchaseOrderNumber());
            }
        } else {
            c.row(TITLE, c.cell(l.creditNote(), c.left(), c.width()));
            c.gap(6);
            field(l.creditNoteNumber(), invoice.number());
            field(l.issueDate(), date(invoice.issueDate()));
            field(l.creditedInvoice(), creditNote.invoiceNumber() + " (" + date(creditNote.invoiceIssueDate()) + ")");
            field(l.reason(), creditNote.reason());
        }
        c.gap(14);
        buyer();
        c.gap(14);
        lines();
        totals();
        c.gap(14);
        vatNote();
        c.gap(14);
        if (creditNote == null) {
            payment();
        } else {
            refund();
        }
    }

    private void refund() {
        c.paragraph(l.refund(), HEADING);
        String amount = money(creditNote.refundAmount());
        String sentence = switch (String.valueOf(creditNote.refundMethod())) {
            case "CARD" -> String.format(Locale.ROOT, l.refundCard(), amount);
            case "BANK_TRANSFER" -> String.format(Locale.ROOT, l.refundTransfer(), amount);
            default -> l.refundNone();
        };
        c.paragraph(sentence, BODY);
    }

    private void seller() {
        Party seller = invoice.seller();
        if (seller == null) {
            return;
        }
        c.paragraph(seller.name(), HEADING);
        for (String line : address(seller)) {
            c.paragraph(line, SMALL);
        }
        if (present(seller.vatId())) {
            c.paragraph(l.vatId() + ": " + seller.vatId(), SMALL);
        }
    }

    private void buyer() {
        Party buyer = invoice.buyer();
        c.paragraph(l.billTo(), HEADING);
        if (buyer == null) {
            return;
        }
        c.paragraph(buyer.name(), BODY);
        for (String line : address(buyer)) {
            c.paragraph(line, BODY);
        }
        if (present(buyer.vatId())) {
            c.paragraph(l.vatId() + ": " + buyer.vatId(), BODY);
        }
    }

    private void lines() {
        float w = c.width();
        float description = w * 0.5f;
        float term = w * 0.3f;
        float net = w - description - term;
        float x = c.left();
        c.row(
                BODY,
                c.cell(l.description(), x, description - 8),
                c.cell(l.term(), x + description, term - 8),
                c.rightAligned(l.net(), x + description + term, net));
        c.rule();
        c.gap(2);
        for (InvoiceLine line : invoice.lines() == null ? List.<InvoiceLine>of() : invoice.lines()) {
            c.row(
                    BODY,
                    c.cell(line.description(), x, description - 8),
                    c.cell(term(line), x + description, term - 8),
                    c.rightAligned(money(line.net()), x + description + term, net));
        }
        c.rule();
        c.gap(2);
    }

    private void totals() {
        String rate = invoice.vatRate() == null ? "" : " " + InvoiceFormat.percent(invoice.vatRate(), language);
        total(l.netTotal(), money(invoice.net()));
        total(l.vat() + rate, money(invoice.vat()));
        total(l.total(), money(invoice.gross()));
        total(l.currency(), invoice.currency());
    }

    private void vatNote() {
        List<String> notes = new ArrayList<>();
        VatTreatment treatment = invoice.vatTreatment();
        boolean german = language.equals("de");
        String note = invoice.vatNote();
        if (treatment == VatTreatment.REVERSE_CHARGE) {
            // the words "Reverse charge" and both VAT IDs, whatever the frozen note says
            if (german || !present(note) || !note.toLowerCase(Locale.ROOT).contains("reverse charge")) {
                notes.add(l.reverseCharge());
            }
            notes.add(l.supplierVatId() + ": " + vatId(invoice.seller()) + " · " + l.customerVatId() + ": "
                    + vatId(invoice.buyer()));
        } else if (treatment == VatTreatment.NON_EU && (german || !present(note))) {
            notes.add(l.nonEu());
        }
        // the note frozen at issue is printed as it is, except where the German text above says the same
        boolean translated = german && (treatment == VatTreatment.REVERSE_CHARGE || treatment == VatTreatment.NON_EU);
        if (present(note) && !translated) {
            notes.add(0, note);
        }
        for (String n : notes) {
            c.paragraph(n, SMALL);
        }
    }

    private void payment() {
        c.paragraph(l.payment(), HEADING);
        if (invoice.paymentMethod() == PaymentMethod.CARD) {
            c.paragraph(String.format(Locale.ROOT, l.cardCharge(), date(invoice.dueDate())), BODY);
            return;
        }
        c.paragraph(String.format(Locale.ROOT, l.transfer(), money(invoice.gross()), date(invoice.dueDate())), BODY);
        BankDetails bank = invoice.bank();
        if (bank != null) {
            field(l.accountHolder(), bank.accountHolder());
            field(l.iban(), bank.iban() == null ? "" : CreditorReference.printed(bank.iban()));
            field(l.bic(), bank.bic());
        }
        if (present(invoice.paymentReference())) {
            field(l.reference(), CreditorReference.printed(invoice.paymentReference()));
            c.paragraph(l.quoteReference(), BODY);
        }
        c.paragraph(l.bankCharges(), BODY);
        GiroCode.payload(invoice).ifPresent(payload -> {
            c.gap(10);
            c.paragraph(l.giroCode(), SMALL);
            c.gap(4);
            c.qrCode(GiroCode.matrix(payload), QR_SIZE);
        });
    }

    private void field(String label, String value) {
        c.row(
                BODY,
                c.cell(label, c.left(), LABEL_WIDTH - 8),
                c.cell(value, c.left() + LABEL_WIDTH, c.width() - LABEL_WIDTH));
    }

    private void total(String label, String value) {
        float x = c.left() + c.width() * 0.5f;
        float valueWidth = c.width() * 0.2f;
        c.row(BODY, c.cell(label, x, c.width() * 0.3f - 8), c.rightAligned(value, x + c.width() * 0.3f, valueWidth));
    }

    private List<String> address(Party party) {
        List<String> lines = new ArrayList<>();
        if (present(party.line1())) {
            lines.add(party.line1());
        }
        String city = String.join(
                        " ",
                        present(party.postalCode()) ? party.postalCode() : "",
                        present(party.city()) ? party.city() : "")
                .trim();
        if (!city.isEmpty()) {
            lines.add(city);
        }
        if (present(party.country())) {
            lines.add(country(party.country()));
        }
        return lines;
    }

    private String country(String code) {
        String region = code.trim().toUpperCase(Locale.ROOT);
        if (region.equals("XI")) {
            return l.northernIreland();
        }
        if (region.equals("EL")) {
            region = "GR";
        }
        try {
            String name =
                    new Locale.Builder().setRegion(region).build().getDisplayCountry(Locale.forLanguageTag(language));
            return name.isEmpty() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    private String term(InvoiceLine line) {
        if (line.termStartsOn() == null || line.termEndsOn() == null) {
            return "";
        }
        return date(line.termStartsOn()) + " – " + date(line.termEndsOn());
    }

    private String vatId(Party party) {
        return party == null || !present(party.vatId()) ? "-" : party.vatId();
    }

    private String money(BigDecimal amount) {
        return amount == null ? "" : InvoiceFormat.amount(amount, invoice.currency(), language);
    }

    private String date(LocalDate date) {
        return date == null ? "" : InvoiceFormat.date(date, language);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

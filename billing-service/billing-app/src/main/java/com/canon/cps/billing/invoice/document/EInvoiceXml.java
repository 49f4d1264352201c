package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.config.EInvoiceSettings;
import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceLine;
import com.canon.cps.billing.invoice.domain.Party;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.VatTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.springframework.stereotype.Component;

/**
 * An issued invoice as EN 16931 XML in the UN/CEFACT CII syntax, written by Mustang: the Factur-X / ZUGFeRD
 * {@code EN16931} profile embedded in every invoice PDF, and the XRechnung 3.0 CIUS for German buyers on request.
 *
 * <p>VAT categories (EN 16931 UNCL 5305): DOMESTIC and UK_VAT are standard rated ({@code S}, the invoice's rate; the UK
 * VAT registration is the seller's VAT ID on UK invoices); REVERSE_CHARGE is {@code AE} (0 %, "Reverse charge",
 * VATEX-EU-AE, both VAT IDs); NON_EU is {@code O}, outside the scope of EU VAT (Art. 44), which by rule BR-O-02 carries
 * no VAT ID of either party: the seller is then identified by its legal registration (BT-30). Bank transfers are SEPA
 * credit transfers ({@code 58}) to the invoice's IBAN with the RF creditor reference as remittance information (BT-83);
 * card invoices say "credit card" ({@code 54}; in XRechnung "mutually defined", {@code ZZZ}, since its rule BR-DE-24-a
 * asks for the card number with {@code 54}, which billing never holds). The payment terms (BT-20) are the PDF's words.
 */
@Component
public class EInvoiceXml {

    static final String EN16931 = "EN16931";
    static final String XRECHNUNG = "XRECHNUNG";
    private static final String UNIT_ONE = "C62";
    private static final String EMAIL_SCHEME = "EM";
    private static final String GERMAN_VAT_NUMBER_SCHEME = "9930";

    private final EInvoiceSettings settings;

    public EInvoiceXml(EInvoiceSettings settings) {
        this.settings = settings;
    }

    /** The Factur-X / ZUGFeRD XML ({@code factur-x.xml}, profile EN 16931) of the invoice. */
    public byte[] facturX(InvoiceIssued invoice) {
        return xml(model(invoice, null, false), Profiles.getByName(EN16931));
    }

    /**
     * The Factur-X / ZUGFeRD XML of a credit note (in the shape of an invoice, see {@link InvoicePdf}): document type
     * 381 (credit note), the credited invoice as preceding invoice reference (BT-25, BT-26), positive amounts at the
     * invoice's VAT treatment, no due date; the payment terms (BT-20) say how money is paid back.
     */
    byte[] facturX(InvoiceIssued creditNote, CreditNoteDetails details) {
        Invoice model = model(creditNote, null, false)
                .setCreditNote()
                .setInvoiceReferencedDocumentID(details.invoiceNumber())
                .setInvoiceReferencedIssueDate(date(details.invoiceIssueDate()))
                .setPaymentTermDescription(refundTerms(creditNote, details));
        return xml(model, Profiles.getByName(EN16931));
    }

    /** How money is paid back, in the credit note's language, as the PDF words it. */
    private static String refundTerms(InvoiceIssued creditNote, CreditNoteDetails details) {
        String language = InvoiceFormat.german(creditNote.language()) ? "de" : "en";
        Labels l = Labels.of(language);
        String amount = details.refundAmount() == null
                ? ""
                : InvoiceFormat.amount(details.refundAmount(), creditNote.currency(), language);
        return switch (String.valueOf(details.refundMethod())) {
            case "CARD" -> String.format(Locale.ROOT, l.refundCard(), amount);
            case "BANK_TRANSFER" -> String.format(Locale.ROOT, l.refundTransfer(), amount);
            default -> l.refundNone();
        };
    }

    /**
     * The XRechnung 3.0 (CII) of the invoice, addressed to {@code buyerElectronicAddress} (BT-49; an e-mail address,
     * or null for the buyer's German VAT ID).
     */
    public byte[] xRechnung(InvoiceIssued invoice, String buyerElectronicAddress) {
        return xml(model(invoice, buyerElectronicAddress, true), Profiles.getByName(XRECHNUNG));
    }

    private static byte[] xml(Invoice model, Profile profile) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(profile);
        provider.generateXML(model);
        return provider.getXML();
    }

    Invoice model(InvoiceIssued i, String buyerElectronicAddress, boolean xRechnung) {
        VatTreatment treatment = i.vatTreatment() == null ? VatTreatment.DOMESTIC : i.vatTreatment();
        boolean outsideScope = treatment == VatTreatment.NON_EU;
        Invoice invoice = new Invoice()
                .setNumber(i.number())
                .setIssueDate(date(i.issueDate()))
                .setDueDate(date(i.dueDate()))
                .setCurrency(i.currency())
                .setDeliveryDate(date(firstTermDay(i)))
                .setPaymentTermDescription(paymentTerms(i))
                .setSender(seller(i, outsideScope, xRechnung))
                .setRecipient(buyer(i.buyer(), outsideScope, buyerElectronicAddress))
                .setReferenceNumber(present(i.purchaseOrderNumber()) ? i.purchaseOrderNumber() : i.accountId());
        if (present(i.purchaseOrderNumber())) {
            invoice.setBuyerOrderReferencedDocumentID(i.purchaseOrderNumber());
        }
        if (present(i.paymentReference())) {
            invoice.setPaymentReference(i.paymentReference());
        }
        List<InvoiceLine> lines = i.lines() == null ? List.of() : i.lines();
        for (InvoiceLine line : lines) {
            Item item = new Item(product(line, treatment, i), amount(line.net()), BigDecimal.ONE);
            if (line.termStartsOn() != null && line.termEndsOn() != null) {
                item.setDetailedDeliveryPeriod(date(line.termStartsOn()), date(line.termEndsOn()));
            }
            invoice.addItem(item);
        }
        if (!lines.isEmpty()
                && lines.get(0).termStartsOn() != null
                && lines.get(0).termEndsOn() != null) {
            invoice.setDetailedDeliveryPeriod(
                    date(lines.get(0).termStartsOn()),
                    date(lines.get(lines.size() - 1).termEndsOn()));
        }
        if (present(i.vatNote())) {
            invoice.addTaxNote(i.vatNote());
        }
        return invoice;
    }

    private Product product(InvoiceLine line, VatTreatment treatment, InvoiceIssued i) {
        Product product = new Product(
                present(line.description()) ? line.description() : String.valueOf(line.tier()),
                "",
                UNIT_ONE,
                i.vatRate() == null ? BigDecimal.ZERO : i.vatRate());
        switch (treatment) {
            case REVERSE_CHARGE ->
                product.setReverseCharge()
                        .setTaxExemptionReason("Reverse charge")
                        .setTaxExemptionReasonCode("VATEX-EU-AE");
            case NON_EU ->
                product.setTaxCategoryCode("O")
                        .setVATPercent(BigDecimal.ZERO)
                        .setTaxExemptionReason(present(i.vatNote()) ? i.vatNote() : "Not subject to EU VAT")
                        .setTaxExemptionReasonCode("VATEX-EU-O");
            default -> product.setTaxCategoryCode("S");
        }
        return product;
    }

    /** The payment terms (BT-20) in the invoice's language, as the PDF words them. */
    private static String paymentTerms(InvoiceIssued i) {
        String language = InvoiceFormat.german(i.language()) ? "de" : "en";
        Labels l = Labels.of(language);
        String due = i.dueDate() == null ? "" : InvoiceFormat.date(i.dueDate(), language);
        if (i.paymentMethod() == PaymentMethod.CARD) {
            return String.format(Locale.ROOT, l.cardCharge(), due);
        }
        String gross = i.gross() == null ? "" : InvoiceFormat.amount(i.gross(), i.currency(), language);
        return String.format(Locale.ROOT, l.transfer(), gross, due).replaceAll(":$", ".");
    }

    /** The supply starts the term (BT-72); the issue date when no term is known. */
    private static LocalDate firstTermDay(InvoiceIssued i) {
        return i.lines() == null || i.lines().isEmpty() || i.lines().get(0).termStartsOn() == null
                ? i.issueDate()
                : i.lines().get(0).termStartsOn();
    }

    private TradeParty seller(InvoiceIssued i, boolean outsideScope, boolean xRechnung) {
        Party s = i.seller() == null ? new Party(null, null, null, null, null, null) : i.seller();
        TradeParty seller = party(s);
        if (!outsideScope && present(s.vatId())) {
            seller.addVATID(s.vatId());
        }
        if (present(settings.sellerRegistrationId())) {
            seller.setLegalOrganisation(
                    present(settings.sellerRegistrationScheme())
                            ? new LegalOrganisation(
                                    settings.sellerRegistrationId(), settings.sellerRegistrationScheme())
                            : new LegalOrganisation(settings.sellerRegistrationId()));
        }
        if (present(settings.contactName()) || present(settings.contactEmail())) {
            seller.setContact(new Contact(settings.contactName(), settings.contactPhone(), settings.contactEmail()));
        }
        if (present(settings.sellerElectronicAddress())) {
            seller.addUriUniversalCommunicationID(new SchemedID(EMAIL_SCHEME, settings.sellerElectronicAddress()));
        }
        BankDetails bank = i.bank();
        if (i.paymentMethod() == PaymentMethod.CARD) {
            // XRechnung (BR-DE-24-a) wants the card's number for code 54, which billing never holds: "mutually defined"
            seller.addBankDetails(new org.mustangproject.BankDetails()
                    .setPaymentMeansCode(xRechnung ? "ZZZ" : "54")
                    .setPaymentMeansInformation("Credit card"));
        } else if (bank != null && present(bank.iban())) {
            org.mustangproject.BankDetails account =
                    new org.mustangproject.BankDetails(compact(bank.iban()), present(bank.bic()) ? bank.bic() : null);
            if (present(bank.accountHolder())) {
                account.setAccountName(bank.accountHolder());
            }
            seller.addBankDetails(account);
        }
        return seller;
    }

    private static TradeParty buyer(Party b, boolean outsideScope, String electronicAddress) {
        Party p = b == null ? new Party(null, null, null, null, null, null) : b;
        TradeParty buyer = party(p);
        if (!outsideScope && present(p.vatId())) {
            buyer.addVATID(p.vatId());
        }
        if (present(electronicAddress)) {
            buyer.addUriUniversalCommunicationID(new SchemedID(EMAIL_SCHEME, electronicAddress));
        } else if (electronicAddress == null && present(p.vatId()) && p.vatId().startsWith("DE")) {
            buyer.addUriUniversalCommunicationID(new SchemedID(GERMAN_VAT_NUMBER_SCHEME, p.vatId()));
        }
        return buyer;
    }

    private static TradeParty party(Party p) {
        return new TradeParty(p.name(), p.line1(), p.postalCode(), p.city(), country(p.country()));
    }

    /** ISO 3166-1 for the address: Greece is GR (EL is its VAT prefix only), Northern Ireland is in GB. */
    static String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "EL" -> "GR";
            case "XI" -> "GB";
            default -> c;
        };
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Date date(LocalDate date) {
        // Mustang writes dates in the JVM's zone: midnight there is the same calendar day whatever the zone is
        return date == null
                ? null
                : Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static String compact(String iban) {
        return iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

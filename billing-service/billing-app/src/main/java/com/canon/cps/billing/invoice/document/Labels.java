package com.canon.cps.billing.invoice.document;

/**
 * The fixed texts of an invoice in one language. {@code transfer} takes the gross amount and the due date,
 * {@code cardCharge} the due date ({@link String#format} placeholders); {@code giroCode} stands above the EPC QR code.
 */
record Labels(
        String title,
        String invoiceNumber,
        String issueDate,
        String dueDate,
        String purchaseOrder,
        String billTo,
        String vatId,
        String description,
        String term,
        String net,
        String netTotal,
        String vat,
        String total,
        String currency,
        String reverseCharge,
        String nonEu,
        String supplierVatId,
        String customerVatId,
        String payment,
        String transfer,
        String accountHolder,
        String iban,
        String bic,
        String reference,
        String quoteReference,
        String bankCharges,
        String cardCharge,
        String northernIreland,
        String giroCode) {

    static final Labels ENGLISH = new Labels(
            "Invoice",
            "Invoice number",
            "Issue date",
            "Due date",
            "Purchase order number",
            "Bill to",
            "VAT ID",
            "Description",
            "Term",
            "Net",
            "Net total",
            "VAT",
            "Total (gross)",
            "Currency",
            "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).",
            "Not subject to EU VAT: service supplied to a business established outside the EU (Article 44, Council"
                    + " Directive 2006/112/EC).",
            "Supplier VAT ID",
            "Customer VAT ID",
            "Payment",
            "Please transfer %s by %s to:",
            "Account holder",
            "IBAN",
            "BIC",
            "Payment reference",
            "Please quote the payment reference with your transfer.",
            "Additional bank charges may apply.",
            "The amount will be charged to your card on %s.",
            "Northern Ireland (United Kingdom)",
            "Pay with your banking app: scan the GiroCode (EPC QR code).");

    static final Labels GERMAN = new Labels(
            "Rechnung",
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Fälligkeitsdatum",
            "Bestellnummer",
            "Rechnungsempfänger",
            "USt-IdNr.",
            "Beschreibung",
            "Leistungszeitraum",
            "Netto",
            "Nettobetrag",
            "USt.",
            "Gesamtbetrag (brutto)",
            "Währung",
            "Reverse charge: Steuerschuldnerschaft des Leistungsempfängers (Artikel 196 der Richtlinie"
                    + " 2006/112/EG).",
            "Nicht der EU-Mehrwertsteuer unterliegend: Leistung an ein Unternehmen außerhalb der EU (Artikel 44 der"
                    + " Richtlinie 2006/112/EG).",
            "USt-IdNr. des Leistenden",
            "USt-IdNr. des Leistungsempfängers",
            "Zahlung",
            "Bitte überweisen Sie %s bis zum %s auf folgendes Konto:",
            "Kontoinhaber",
            "IBAN",
            "BIC",
            "Verwendungszweck",
            "Bitte geben Sie den Verwendungszweck bei der Überweisung an.",
            "Zusätzliche Bankgebühren können anfallen.",
            "Der Betrag wird am %s Ihrer Karte belastet.",
            "Nordirland (Vereinigtes Königreich)",
            "Mit der Banking-App bezahlen: GiroCode (EPC-QR-Code) scannen.");

    static Labels of(String language) {
        return InvoiceFormat.german(language) ? GERMAN : ENGLISH;
    }
}

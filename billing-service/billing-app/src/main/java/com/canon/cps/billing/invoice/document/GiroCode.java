package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The EPC QR code ("GiroCode", EPC069-12 v2) of a bank-transfer invoice in euros: a banking app that scans it fills in
 * the SEPA credit transfer with the account holder, IBAN, BIC, the gross amount and the RF creditor reference. ZXing
 * draws the QR code (error correction M, as the guideline asks); the payload is the guideline's eleven lines.
 */
final class GiroCode {

    private static final BigDecimal MIN = new BigDecimal("0.01");
    private static final BigDecimal MAX = new BigDecimal("999999999.99");
    private static final int MAX_NAME = 70;
    private static final int MAX_PAYLOAD_BYTES = 331;

    private GiroCode() {}

    /** The payload, when the invoice is paid by bank transfer in EUR to an IBAN with a creditor reference. */
    static Optional<String> payload(InvoiceIssued invoice) {
        BankDetails bank = invoice.bank();
        BigDecimal gross = invoice.gross();
        if (invoice.paymentMethod() != PaymentMethod.BANK_TRANSFER
                || !"EUR".equalsIgnoreCase(invoice.currency())
                || bank == null
                || blank(bank.iban())
                || blank(bank.accountHolder())
                || blank(invoice.paymentReference())
                || gross == null
                || gross.compareTo(MIN) < 0
                || gross.compareTo(MAX) > 0) {
            return Optional.empty();
        }
        String name = bank.accountHolder().strip();
        String payload = String.join(
                "\n",
                List.of(
                        "BCD", // service tag
                        "002", // version
                        "1", // character set: UTF-8
                        "SCT", // SEPA credit transfer
                        blank(bank.bic()) ? "" : bank.bic().strip(),
                        name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name,
                        compact(bank.iban()),
                        "EUR" + gross.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        "", // purpose
                        compact(invoice.paymentReference()), // structured remittance: the RF reference
                        "")); // no unstructured remittance when a reference is given
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            return Optional.empty();
        }
        return Optional.of(payload);
    }

    /** The QR code's modules, without a quiet zone (the page's margin around it is wider than 4 modules). */
    static BitMatrix matrix(String payload) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for this payload", e);
        }
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

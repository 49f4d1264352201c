package com.canon.cps.billing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Bank transfers in euros carry the EPC QR code a banking app reads; other invoices carry none. */
class GiroCodeTest {

    private final InvoicePdf pdf = new InvoicePdf(new EInvoiceXml(InvoicePdfTest.E_INVOICE));

    @Test
    void euroBankTransfer_printsTheEpcQrCode_withIbanAmountAndReference() throws Exception {
        InvoiceIssued invoice = EInvoiceValidationTest.reverseCharge(PaymentMethod.BANK_TRANSFER);

        String scanned = scan(pdf.render(invoice)).orElseThrow();

        assertThat(scanned)
                .isEqualTo(String.join(
                        "\n",
                        "BCD",
                        "002",
                        "1",
                        "SCT",
                        "ABNANL2A",
                        "Canon Europa N.V.",
                        "NL91ABNA0417164300",
                        "EUR200.00",
                        "",
                        invoice.paymentReference(),
                        ""));
        assertThat(PdfText.of(pdf.render(invoice))).contains("GiroCode");
    }

    @Test
    void cardPayments_andOtherCurrencies_haveNoQrCode() throws Exception {
        assertThat(GiroCode.payload(EInvoiceValidationTest.reverseCharge(PaymentMethod.CARD)))
                .isEmpty();
        assertThat(GiroCode.payload(EInvoiceValidationTest.ukVat(PaymentMethod.BANK_TRANSFER)))
                .isEmpty();
        assertThat(scan(pdf.render(EInvoiceValidationTest.ukVat(PaymentMethod.BANK_TRANSFER))))
                .isEmpty();
    }

    /** The QR code on the first page as a phone would read it, from the page rendered at 150 dpi. */
    private static Optional<String> scan(byte[] document) throws IOException {
        try (PDDocument d = Loader.loadPDF(document)) {
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            return Optional.of(new QRCodeReader().decode(bitmap).getText());
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return Optional.empty();
        }
    }

    /** The document's text, whitespace folded. */
    private static final class PdfText {
        static String of(byte[] document) throws IOException {
            try (PDDocument d = Loader.loadPDF(document)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            }
        }
    }
}

package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders an issued invoice as an A4 PDF with every field DOMAIN.md §5 requires, in English or German by the
 * invoice's language.
 *
 * <p>Invariants: the output depends on the invoice only (same invoice, same bytes: the document dates come from
 * {@code issuedAt}, the document id from the invoice id, nothing from the clock or the JVM's locale); any text renders
 * (the embedded Liberation Sans subset covers Latin, Greek and Cyrillic, anything else becomes {@code ?}); text wraps
 * and never leaves the page. Values are drawn as text strings, never interpreted.
 */
@Component
public class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String PRODUCER = "CPS billing-service";

    private final byte[] fontBytes;

    public InvoicePdf() {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT + " not on the classpath (Apache PDFBox)");
            }
            this.fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Amounts as invoices print them; see {@link InvoiceFormat#amount}. */
    public static String amount(BigDecimal amount, String currency, String language) {
        return InvoiceFormat.amount(amount, currency, language);
    }

    public byte[] render(InvoiceIssued invoice) {
        String language = InvoiceFormat.german(invoice.language()) ? "de" : "en";
        Labels l = Labels.of(language);
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(fontBytes), true);
            try (PdfCanvas canvas = new PdfCanvas(document, font)) {
                new InvoiceLayout(canvas, invoice, l, language).write();
            }
            describe(document, invoice, l, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number(), e);
        }
    }

    /** Document information fixed by the invoice, so that rendering twice gives the same bytes. */
    private static void describe(PDDocument document, InvoiceIssued invoice, Labels l, String language) {
        Instant issued = invoice.issuedAt() != null
                ? invoice.issuedAt().truncatedTo(ChronoUnit.SECONDS)
                : invoice.issueDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        GregorianCalendar date = GregorianCalendar.from(ZonedDateTime.ofInstant(issued, ZoneOffset.UTC));
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(l.title() + " " + invoice.number());
        if (invoice.seller() != null && invoice.seller().name() != null) {
            info.setAuthor(invoice.seller().name());
        }
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(date);
        info.setModificationDate(date);
        document.setDocumentInformation(info);
        document.getDocumentCatalog().setLanguage(language);
        document.setDocumentId(documentId(invoice.invoiceId() != null ? invoice.invoiceId() : invoice.number()));
    }

    private static long documentId(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

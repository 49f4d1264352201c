package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.RefundMethod;
import com.canon.cps.platform.hashing.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;

/**
 * Renders an issued invoice (or credit note) as an A4 PDF with every field docs/domain.md §5 requires, in English or German by the
 * invoice's language, and makes it a Factur-X / ZUGFeRD e-invoice: PDF/A-3u with the EN 16931 XML embedded
 * ({@link EInvoiceXml}, {@link FacturX}); a bank transfer in euros carries the EPC QR code ({@link GiroCode}).
 *
 * <p>Invariants: the output depends on the invoice only (same invoice, same bytes: the document dates come from
 * {@code issuedAt}, the document id from the invoice id, nothing from the clock or the JVM's locale); any text renders
 * (the embedded Liberation Sans subset covers Latin, Greek and Cyrillic, anything else becomes {@code ?}); text wraps
 * and never leaves the page. Values are drawn as text strings, never interpreted.
 */
@Component
public class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String PRODUCER = "CPS billing-service";

    private final byte[] fontBytes;
    private final EInvoiceXml eInvoice;

    public InvoicePdf(EInvoiceXml eInvoice) {
        this.eInvoice = eInvoice;
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

    /** The issued invoice as a Factur-X / ZUGFeRD PDF (PDF/A-3u with its EN 16931 XML embedded). */
    public byte[] render(InvoiceIssued invoice) {
        return render(invoice, null);
    }

    /**
     * The issued credit note as a Factur-X / ZUGFeRD PDF: the invoice's layout with the credit note's title, number and
     * data (the credited invoice, the reason, how money is paid back), the EN 16931 XML of type 381 (credit note) with
     * the preceding invoice's reference (BT-25, BT-26). Same event, same bytes, as for invoices.
     */
    public byte[] render(CreditNoteIssued creditNote) {
        return render(asDocument(creditNote), details(creditNote));
    }

    private byte[] render(InvoiceIssued invoice, CreditNoteDetails creditNote) {
        Calendar issued = issued(invoice);
        long id = documentId(invoice.invoiceId() != null ? invoice.invoiceId() : invoice.number());
        String language = InvoiceFormat.german(invoice.language()) ? "de" : "en";
        Labels l = Labels.of(language);
        try (PDDocument document = new PDDocument()) {
            document.setVersion(1.7f);
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(fontBytes), true);
            try (PdfCanvas canvas = new PdfCanvas(document, font)) {
                new InvoiceLayout(canvas, invoice, l, language, creditNote).write();
            }
            describe(document, invoice, creditNote == null ? l.title() : l.creditNote(), language, issued, id);
            byte[] xml = creditNote == null ? eInvoice.facturX(invoice) : eInvoice.facturX(invoice, creditNote);
            return FacturX.embed(document, xml, issued, id);
        } catch (IOException | BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("Could not render " + invoice.number(), e);
        }
    }

    /**
     * The credit note in the shape of an issued invoice, so that one layout and one e-invoice writer serve both: its
     * own id (the PDF's document id), number, date and credited amounts; no due date, payment reference or bank.
     */
    static InvoiceIssued asDocument(CreditNoteIssued c) {
        return new InvoiceIssued(
                c.creditNoteId(),
                c.accountId(),
                null,
                c.number(),
                c.series(),
                c.issueDate(),
                null,
                c.seller(),
                c.buyer(),
                c.language(),
                c.lines(),
                c.currency(),
                c.net(),
                c.vatRate(),
                c.vat(),
                c.gross(),
                c.vatTreatment(),
                c.vatNote(),
                null,
                c.refundMethod() == RefundMethod.CARD ? PaymentMethod.CARD : PaymentMethod.BANK_TRANSFER,
                null,
                null,
                c.issuedAt());
    }

    static CreditNoteDetails details(CreditNoteIssued c) {
        return new CreditNoteDetails(
                c.invoiceNumber(),
                c.invoiceIssueDate(),
                c.reason(),
                c.refundMethod().name(),
                c.refundAmount());
    }

    /** Document information and XMP metadata fixed by the invoice, so that rendering twice gives the same bytes. */
    private static void describe(
            PDDocument document, InvoiceIssued invoice, String kind, String language, Calendar issued, long id)
            throws IOException, BadFieldValueException, TransformerException {
        String title = kind + " " + invoice.number();
        String author = invoice.seller() != null ? invoice.seller().name() : null;
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        if (author != null) {
            info.setAuthor(author);
        }
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        document.setDocumentInformation(info);
        document.getDocumentCatalog().setLanguage(language);
        document.setDocumentId(id);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        if (author != null) {
            dc.addCreator(author);
        }
        dc.addDate(issued);
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(issued);
        basic.setModifyDate(issued);
        basic.setMetadataDate(issued);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(3);
        pdfa.setConformance("U");
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        new XmpSerializer().serialize(xmp, serialized, true);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
    }

    private static Calendar issued(InvoiceIssued invoice) {
        Instant issued = invoice.issuedAt() != null
                ? invoice.issuedAt().truncatedTo(ChronoUnit.SECONDS)
                : invoice.issueDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        return GregorianCalendar.from(ZonedDateTime.ofInstant(issued, ZoneOffset.UTC));
    }

    private static long documentId(String id) {
        return ByteBuffer.wrap(Sha256.digest(String.valueOf(id).getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }
}

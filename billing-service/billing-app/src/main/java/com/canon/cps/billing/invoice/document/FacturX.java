package com.canon.cps.billing.invoice.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.mustangproject.ZUGFeRD.PDFAConformanceLevel;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Turns the rendered invoice into a Factur-X / ZUGFeRD 2 invoice with Mustang: PDF/A-3u with the EN 16931 XML embedded
 * as {@code factur-x.xml} (relationship "Alternative"), the Factur-X XMP extension schema and an sRGB output intent.
 *
 * <p>Invariant: same input, same bytes. Mustang keeps the metadata the rendered PDF already carries (title, author,
 * creator tool, producer, the issue as creation and modification date), and the embedded file gets the date
 * instead of the clock's, so rendering an issued invoice again gives the very document that was issued.
 */
final class FacturX {

    private FacturX() {}

    /** Saves {@code document} (the rendered invoice, left open for the caller to close) with {@code xml} embedded. */
    static byte[] embed(PDDocument document, byte[] xml, Calendar issued, long documentId) {
        Exporter exporter = new Exporter(document, issued, documentId);
        try {
            exporter.disableAutoClose(true);
            exporter.setOverwrite(false);
            exporter.setProducer(InvoicePdf.PRODUCER);
            exporter.setCreator(InvoicePdf.PRODUCER);
            exporter.setCreatorTool(InvoicePdf.PRODUCER);
            exporter.setConformanceLevel(PDFAConformanceLevel.UNICODE);
            exporter.setEnablePDFAttachmentCompression(true);
            exporter.setXML(xml);
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not embed the e-invoice", e);
        }
    }

    /** Mustang's exporter with the date on the embedded files and the invoice's document id. */
    private static final class Exporter extends ZUGFeRDExporterFromA3 {

        private final Calendar issued;
        private final long documentId;

        /** Works on the rendered document itself: no save and parse in between (it halves the cost). */
        Exporter(PDDocument document, Calendar issued, long documentId) {
            this.doc = document;
            this.issued = issued;
            this.documentId = documentId;
        }

        @Override
        public void PDFAttachGenericFile(
                PDDocument document,
                String filename,
                String relationship,
                String description,
                String subType,
                byte[] data)
                throws IOException {
            super.PDFAttachGenericFile(document, filename, relationship, description, subType, data);
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            Map<String, PDComplexFileSpecification> files =
                    names.getEmbeddedFiles().getNames();
            PDEmbeddedFile file = files.get(filename).getEmbeddedFile();
            file.setCreationDate(issued);
            file.setModDate(issued);
            document.setDocumentId(documentId);
        }
    }
}

package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.config.BillingSettings;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What tax law makes billing keep of an erased account's invoices, and for how long (ADR 24). Before the account's own
 * key is destroyed, every invoice and credit note it was issued is rendered once more from its event and kept as the
 * issued PDF ({@code retained_document}); the account waits in {@code tax_retention} until the end of the calendar year
 * of its last document plus {@code cps.billing.tax-retention}, when a deadline on the business clock destroys its
 * "tax-records" key and deletes the documents ({@code WhenRetentionDueThenShredTaxRecords}).
 */
@Component
public class TaxRetention {

    /** The deadline that ends an account's retention (id = name + ":" + account id). */
    public static final String DEADLINE = "billing.tax-retention-end";

    /** Payload of the retention deadline. */
    public record RetentionDue(String accountId) {}

    /** A retained document: the issued PDF of an invoice or credit note. */
    public record Document(String number, byte[] pdf) {}

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final InvoicePdf pdf;
    private final DeadlineScheduler deadlines;
    private final Clock clock;
    private final Period retention;

    TaxRetention(
            JdbcTemplate jdbc,
            EventStore events,
            InvoicePdf pdf,
            DeadlineScheduler deadlines,
            Clock clock,
            BillingSettings settings) {
        this.jdbc = jdbc;
        this.events = events;
        this.pdf = pdf;
        this.deadlines = deadlines;
        this.clock = clock;
        this.retention = settings.taxRetention();
    }

    /**
     * Keeps the account's issued documents for their retention period; call it before the account's own key is
     * destroyed (the documents are rendered from the events). Returns false when the account has no issued invoice,
     * so nothing is to be retained. Idempotent.
     */
    public boolean retain(String accountId) {
        List<String> invoiceIds = jdbc.queryForList(
                "SELECT invoice_id FROM issued_invoice WHERE account_id = ? ORDER BY issued_at",
                String.class,
                accountId);
        if (invoiceIds.isEmpty()) {
            return false;
        }
        LocalDate last = null;
        for (String invoiceId : invoiceIds) {
            for (Object payload : events.readEvents(invoiceId)
                    .asStream()
                    .map(m -> m.getPayload())
                    .toList()) {
                LocalDate issuedOn = keep(payload);
                if (issuedOn != null && (last == null || issuedOn.isAfter(last))) {
                    last = issuedOn;
                }
            }
        }
        if (last == null) {
            return false;
        }
        waitFor(accountId, last);
        return true;
    }

    /** A credit note issued after the account's erasure: kept as well, and the retention counts from it. */
    public void creditNoteIssued(CreditNoteIssued creditNote) {
        if (waiting(creditNote.accountId())) {
            keep(creditNote);
            waitFor(creditNote.accountId(), creditNote.issueDate());
        }
    }

    /** Whether the account's documents are retained now (erased, retention not ended). */
    public boolean waiting(String accountId) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM tax_retention WHERE account_id = ? AND ended_at IS NULL",
                Integer.class,
                accountId);
        return n != null && n > 0;
    }

    /** The retained PDF of an invoice ({@code documentId} = its id) or credit note (its id). */
    public Optional<Document> document(String documentId) {
        return jdbc
                .query(
                        "SELECT number, pdf FROM retained_document WHERE document_id = ?",
                        (rs, i) -> new Document(rs.getString(1), rs.getBytes(2)),
                        documentId)
                .stream()
                .findFirst();
    }

    /** When the account's retention ends, if it waits for it. */
    public Optional<Instant> retainUntil(String accountId) {
        return jdbc
                .query(
                        "SELECT retain_until FROM tax_retention WHERE account_id = ? AND ended_at IS NULL",
                        (rs, i) -> rs.getTimestamp(1).toInstant(),
                        accountId)
                .stream()
                .findFirst();
    }

    /** Deletes the retained documents and records that the retention ended. */
    public void ended(String accountId) {
        jdbc.update("DELETE FROM retained_document WHERE account_id = ?", accountId);
        jdbc.update(
                "UPDATE tax_retention SET ended_at = ? WHERE account_id = ?",
                Timestamp.from(clock.instant()),
                accountId);
    }

    /** The end of the retention of documents the last of which was issued on {@code lastDocumentOn}. */
    Instant endOfRetention(LocalDate lastDocumentOn) {
        return LocalDate.of(lastDocumentOn.getYear() + 1, 1, 1)
                .plus(retention)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    private void waitFor(String accountId, LocalDate lastDocumentOn) {
        jdbc.update(
                """
                INSERT INTO tax_retention (account_id, erased_at, last_document_on, retain_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET
                    last_document_on = GREATEST(tax_retention.last_document_on, EXCLUDED.last_document_on),
                    retain_until = GREATEST(tax_retention.retain_until, EXCLUDED.retain_until)""",
                accountId,
                Timestamp.from(clock.instant()),
                lastDocumentOn,
                Timestamp.from(endOfRetention(lastDocumentOn)));
        Instant until = jdbc.queryForObject(
                "SELECT retain_until FROM tax_retention WHERE account_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(),
                accountId);
        deadlines.schedule(DEADLINE + ":" + accountId, DEADLINE, until, new RetentionDue(accountId));
    }

    /** Keeps the PDF of an issued invoice or credit note; returns its issue date (null for other events). */
    private LocalDate keep(Object payload) {
        if (payload instanceof InvoiceIssued i) {
            store(i.invoiceId(), i.invoiceId(), i.accountId(), i.number(), i.issueDate(), pdf.render(i));
            return i.issueDate();
        }
        if (payload instanceof CreditNoteIssued c) {
            store(c.creditNoteId(), c.invoiceId(), c.accountId(), c.number(), c.issueDate(), pdf.render(c));
            return c.issueDate();
        }
        return null;
    }

    private void store(
            String documentId, String invoiceId, String accountId, String number, LocalDate issuedOn, byte[] bytes) {
        jdbc.update("""
                INSERT INTO retained_document (document_id, invoice_id, account_id, number, issued_on, pdf)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""", documentId, invoiceId, accountId, number, issuedOn, bytes);
    }
}

package com.canon.cps.verification.document;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.verification.config.DocumentSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence documents in verification-service's PostgreSQL database. Each upload schedules a persistent purge deadline
 * on the business clock; when it comes, the document is deleted unless a case refers to it by then.
 */
@Component
public class EvidenceDocumentStore {

    static final String PURGE = "verification.document-purge";
    /** Longest document id a case reference records (ids are UUIDs; anything longer cannot be ours). */
    static final int MAX_ID_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DeadlineScheduler deadlines;
    private final Clock clock;
    private final DocumentSettings settings;
    private final Counter purged;

    EvidenceDocumentStore(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            DeadlineScheduler deadlines,
            Clock clock,
            DocumentSettings settings,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deadlines = deadlines;
        this.clock = clock;
        this.settings = settings;
        this.purged = Counter.builder("cps.verification.documents.purged")
                .description("Evidence documents deleted because no application referred to them in time")
                .register(meters);
        deadlines.onDue(PURGE, PurgeDue.class, due -> purgeIfUnreferenced(due.documentId()));
    }

    /** Payload of a purge deadline. */
    record PurgeDue(String documentId) {}

    /** Stores a new document and its purge deadline, in one transaction. */
    public StoredDocument store(DocumentType type, String contentType, byte[] content) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            jdbc.update(
                    "INSERT INTO evidence_document (document_id, type, content_type, size_bytes, sha256, content,"
                            + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    type.name(),
                    contentType,
                    content.length,
                    Sha256.hex(content),
                    content,
                    Timestamp.from(now));
            deadlines.schedule(purgeId(id), PURGE, now.plus(settings.purgeUnreferencedAfter()), new PurgeDue(id));
        });
        return new StoredDocument(id, type, contentType, content.length, now);
    }

    /**
     * Records that a case refers to these documents (joins the caller's transaction) and returns each one's type,
     * {@code null} for an id no stored document has. Referenced documents are kept for good.
     */
    public Map<String, String> reference(String caseId, List<String> documentIds) {
        Map<String, String> types = new LinkedHashMap<>();
        documentIds.stream().filter(Objects::nonNull).distinct().forEach(id -> {
            if (id.length() > MAX_ID_LENGTH) {
                types.put(id, null);
                return;
            }
            jdbc.update(
                    "INSERT INTO case_document (case_id, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    caseId,
                    id);
            List<String> type =
                    jdbc.queryForList("SELECT type FROM evidence_document WHERE document_id = ?", String.class, id);
            types.put(id, type.isEmpty() ? null : type.get(0));
            if (!type.isEmpty()) {
                deadlines.cancel(purgeId(id));
            }
        });
        return types;
    }

    /** A document's content, only if case {@code caseId} refers to it. */
    public Optional<DocumentContent> contentForCase(String caseId, String documentId) {
        return jdbc
                .query(
                        "SELECT d.document_id, d.content_type, d.content FROM evidence_document d"
                                + " JOIN case_document c ON c.document_id = d.document_id"
                                + " WHERE c.case_id = ? AND d.document_id = ?",
                        (rs, row) -> new DocumentContent(
                                rs.getString("document_id"), rs.getString("content_type"), rs.getBytes("content")),
                        caseId,
                        documentId)
                .stream()
                .findFirst();
    }

    public Optional<StoredDocument> find(String documentId) {
        return jdbc
                .query(
                        "SELECT document_id, type, content_type, size_bytes, uploaded_at FROM evidence_document"
                                + " WHERE document_id = ?",
                        (rs, row) -> new StoredDocument(
                                rs.getString("document_id"),
                                DocumentType.valueOf(rs.getString("type")),
                                rs.getString("content_type"),
                                rs.getLong("size_bytes"),
                                rs.getTimestamp("uploaded_at").toInstant()),
                        documentId)
                .stream()
                .findFirst();
    }

    /** Deletes the document unless a case refers to it (the deadline handler's transaction). */
    void purgeIfUnreferenced(String documentId) {
        int deleted = jdbc.update(
                "DELETE FROM evidence_document d WHERE d.document_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM case_document c WHERE c.document_id = d.document_id)",
                documentId);
        if (deleted > 0) {
            purged.increment();
        }
    }

    /**
     * Deletes the documents the cases refer to, and the references (erasure of the cases' account, GDPR Art. 17; joins
     * the caller's transaction). Idempotent.
     *
     * @return how many documents were deleted
     */
    public int deleteOfCases(Collection<String> caseIds) {
        int deleted = 0;
        for (String caseId : caseIds) {
            List<String> ids =
                    jdbc.queryForList("SELECT document_id FROM case_document WHERE case_id = ?", String.class, caseId);
            for (String id : ids) {
                deleted += jdbc.update("DELETE FROM evidence_document WHERE document_id = ?", id);
                deadlines.cancel(purgeId(id));
            }
            jdbc.update("DELETE FROM case_document WHERE case_id = ?", caseId);
        }
        return deleted;
    }

    static String purgeId(String documentId) {
        return PURGE + ":" + documentId;
    }
}

package com.canon.cps.verification.document;

import java.time.Instant;

/** An uploaded evidence document, without its content. */
record StoredDocument(String documentId, DocumentType type, String contentType, long sizeBytes, Instant uploadedAt) {}

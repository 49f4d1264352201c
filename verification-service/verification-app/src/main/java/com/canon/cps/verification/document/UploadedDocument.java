package com.canon.cps.verification.document;

/** Answer to an upload: the id the application refers to, and what was recognised. */
record UploadedDocument(String documentId, String type, String contentType, long sizeBytes) {}

package com.canon.cps.verification.document;

/** The bytes of an evidence document and their (sniffed) content type. */
record DocumentContent(String documentId, String contentType, byte[] content) {}

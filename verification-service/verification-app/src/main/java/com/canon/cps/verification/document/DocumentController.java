package com.canon.cps.verification.document;

import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.config.DocumentSettings;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of evidence documents (public: applicants have no account yet) and their download by operators, only
 * through a case that refers to them.
 */
@RestController
class DocumentController {

    private final EvidenceDocumentStore store;
    private final DocumentSettings settings;

    DocumentController(EvidenceDocumentStore store, DocumentSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @PostMapping(path = "/api/verification/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadedDocument> upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "type", required = false) String type)
            throws IOException {
        DocumentType documentType = DocumentType.parse(type)
                .orElseThrow(
                        () -> ApiProblem.invalid("type", "must be one of " + Arrays.toString(DocumentType.values())));
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "a non-empty file is required");
        }
        long limit = settings.maxSize().toBytes();
        if (file.getSize() > limit) {
            throw new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "The document exceeds " + limit + " bytes");
        }
        byte[] content = file.getBytes();
        // the file name and the declared part type are the client's claims; only the bytes count
        String contentType = ContentSniffer.sniff(content)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported document type",
                        "Only PDF, PNG and JPEG documents are accepted, recognised by their content"));
        StoredDocument stored = store.store(documentType, contentType, content);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new UploadedDocument(
                        stored.documentId(), stored.type().name(), stored.contentType(), stored.sizeBytes()));
    }

    @GetMapping("/api/verification/cases/{caseId}/documents/{documentId}")
    @OperatorAccess.Reviewer
    ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String documentId) {
        DocumentContent document = store.contentForCase(caseId, documentId)
                .orElseThrow(() -> ApiProblem.notFound("Case " + caseId + " has no document " + documentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.documentId() + ContentSniffer.extension(document.contentType()))
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(document.content());
    }
}

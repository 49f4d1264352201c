package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.time.Instant;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** verification-service: evidence uploads, the offline VAT ID check and the decision date (API.md). */
@Component
public class VerificationApi extends ApiClient {

    VerificationApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("verification", Clients.rest(rest, settings.services().verification(), settings), session);
    }

    public record VatIdCheck(String input, String normalised, String country, boolean valid, String reason) {}

    public record DecisionDue(String country, String submittedAt, String deadline, String decisionDue) {}

    /** Uploads one evidence document; returns its id. */
    public String upload(byte[] file, String fileName, String contentType, String type) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(
                contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
        ByteArrayResource resource = new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName == null || fileName.isBlank() ? "document" : fileName;
            }
        };
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(resource, fileHeaders));
        parts.add("type", type);
        JsonNode uploaded = upload("/api/verification/documents", parts);
        return uploaded.path("documentId").asString();
    }

    public VatIdCheck checkVatId(String vatId) {
        return getAnonymous("/api/verification/vat-ids/{id}", VatIdCheck.class, vatId);
    }

    public DecisionDue decisionDue(String country, Instant submittedAt) {
        return getAnonymous(
                "/api/verification/decision-due?country={c}&submittedAt={at}",
                DecisionDue.class,
                country,
                submittedAt.toString());
    }
}

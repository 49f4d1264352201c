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

/** verification-service: evidence uploads, the offline VAT ID check and the decision date (docs/api.md). */
@Component
public class VerificationApi extends ApiClient {

    VerificationApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("verification", Clients.rest(rest, settings.services().verification(), settings), session);
    }

    /** A case as the operators' queue shows it. */
    public record Case(
            String caseId,
            String accountId,
            String companyName,
            String country,
            boolean vatLiable,
            String vatId,
            RegistryCheck registryCheck,
            java.util.List<DocumentRef> documents,
            Instant submittedAt,
            Instant deadline,
            String status,
            Decision decision,
            Boolean slaBreached,
            Instant slaBreachedAt,
            String kind,
            String previousCompanyName,
            String previousVatId,
            Instant informationProvidedAt) {

        public boolean open() {
            return !"APPROVED".equals(status) && !"REJECTED".equals(status);
        }

        /** A member's change of company name or VAT ID (not an application): no information can be requested. */
        public boolean change() {
            return "CHANGE".equals(kind);
        }
    }

    public record RegistryCheck(
            String status,
            String consultationNumber,
            Instant checkedAt,
            String registry,
            String fault,
            Instant nextCheckAt) {}

    public record DocumentRef(String documentId, String type, boolean missing) {}

    public record Decision(String outcome, String method, String reason, String decidedBy, Instant decidedAt) {}

    public java.util.List<Case> cases(String status) {
        return status == null
                ? get(
                        "/api/verification/cases",
                        new org.springframework.core.ParameterizedTypeReference<java.util.List<Case>>() {})
                : get(
                        "/api/verification/cases?status={status}",
                        new org.springframework.core.ParameterizedTypeReference<java.util.List<Case>>() {},
                        status);
    }

    public java.util.List<Case> casesOf(String accountId) {
        return get(
                "/api/verification/cases?accountId={id}",
                new org.springframework.core.ParameterizedTypeReference<java.util.List<Case>>() {},
                accountId);
    }

    public Case byId(String caseId) {
        return get("/api/verification/cases/{id}", Case.class, caseId);
    }

    public Download document(String caseId, String documentId) {
        return download("/api/verification/cases/{c}/documents/{d}", caseId, documentId);
    }

    public void decide(String caseId, String decision, String reason) {
        send(
                org.springframework.http.HttpMethod.POST,
                "/api/verification/cases/{id}/decision",
                reason == null
                        ? java.util.Map.of("decision", decision)
                        : java.util.Map.of("decision", decision, "reason", reason),
                Void.class,
                caseId);
    }

    /** An operator's request for more information, as its e-mail link shows it. */
    public record InformationRequest(
            String caseId, String message, String companyName, Instant requestedAt, Instant expiresAt) {}

    public InformationRequest informationRequest(String token) {
        return getAnonymous("/api/verification/information-requests/{token}", InformationRequest.class, token);
    }

    /** The applicant's answer: an uploaded document for the case, with the link's token. */
    public void answerInformationRequest(String caseId, String documentId, String token) {
        sendAnonymous(
                org.springframework.http.HttpMethod.POST,
                "/api/verification/cases/{id}/documents",
                java.util.Map.of("documentId", documentId, "token", token),
                Void.class,
                caseId);
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

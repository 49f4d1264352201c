package com.canon.cps.verification.review.web;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.document.EvidenceDocumentStore;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.InformationNotExpectedException;
import com.canon.cps.verification.review.domain.ProvideInformation;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import com.canon.cps.verification.review.query.VerificationCaseView;
import com.canon.cps.verification.review.store.InformationRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An applicant asked for information answers with a document, with the link of the e-mail (no sign-in: the applicant
 * has no password yet). The link must be the case's, unused and unexpired, the document uploaded before; using the
 * link, referencing the document and the case's {@code InformationProvided} commit together or not at all.
 */
@Service
class InformationAnswers {

    /** What the answer page shows of a request. */
    public record Request(String caseId, String message, String companyName, Instant requestedAt, Instant expiresAt) {}

    private final InformationRequests requests;
    private final EvidenceDocumentStore documents;
    private final VerificationCaseQueries cases;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InformationAnswers(
            InformationRequests requests,
            EvidenceDocumentStore documents,
            VerificationCaseQueries cases,
            CommandGateway commands,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.cases = cases;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The request behind a usable link; 404 for an unknown, used or expired one. */
    public Request request(String token) {
        InformationRequests.Link link = requests.find(token)
                .filter(l -> l.usableAt(clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("No open information request for this link"));
        String companyName =
                cases.byId(link.caseId()).map(VerificationCaseView::companyName).orElse(null);
        return new Request(link.caseId(), link.message(), companyName, link.issuedAt(), link.expiresAt());
    }

    /** Adds the document to the case of the link and sends the case back to review. */
    public void answer(String caseId, String token, String documentId) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            InformationRequests.Link link = requests.findForUpdate(token).orElseThrow(() -> invalidToken("is unknown"));
            if (!link.caseId().equals(caseId)) {
                throw invalidToken("is not the link of this case");
            }
            if (link.usedAt() != null) {
                throw invalidToken("was already used");
            }
            if (!now.isBefore(link.expiresAt())) {
                throw invalidToken("has expired");
            }
            if (documents.find(documentId).isEmpty()) {
                throw ApiProblem.invalid(
                        "documentId", "no such document: upload it first (POST /api/verification/documents)");
            }
            String type = documents.reference(caseId, List.of(documentId)).get(documentId);
            try {
                commands.sendAndWait(
                        new ProvideInformation(caseId, link.requestId(), new EvidenceDocument(documentId, type), now));
            } catch (RuntimeException e) {
                throw refusal(e);
            }
            requests.markUsed(token, now);
        });
    }

    private static RuntimeException refusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InformationNotExpectedException refused) {
                return ApiProblem.invalid("token", refused.getMessage());
            }
        }
        return e;
    }

    private static ApiProblem invalidToken(String why) {
        return ApiProblem.invalid("token", why);
    }
}

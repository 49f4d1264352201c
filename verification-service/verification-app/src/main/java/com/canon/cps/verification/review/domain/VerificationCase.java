package com.canon.cps.verification.review.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The verification of one application, from submission to the operator's (or the policy's) decision.
 *
 * <p>A case verifies an application ({@link CaseKind#APPLICATION}) or a member's change of company name or VAT ID
 * ({@link CaseKind#CHANGE}); their decisions are different events (an approved change is not a verified account).
 *
 * <p>Invariants: a decision (approve, reject) closes the case for good and later decisions are refused; reject and
 * request-info carry a reason; information is requested of applicants only, and an answer counts only for the current
 * request while the case waits for it; registry answers are facts that arrive late or twice, so answers for a closed
 * case or after a definitive answer are ignored rather than refused; the SLA breach is raised at most once, only for
 * an undecided case and never before its deadline. Business time comes from the injected {@link Clock}.
 *
 * <p>Erasure (GDPR Art. 17, ADR 23): the personal data of the case's events is stored encrypted for the account and
 * reads as {@code "[erased]"} once the account is erased; {@link CloseErasedCase} then closes an undecided case for
 * good ({@link CaseStatus#ERASED}), so no decision, answer or deadline acts on it any more.
 */
@Aggregate(cache = "aggregateCache")
public class VerificationCase {

    @AggregateIdentifier
    private String caseId;

    private String accountId;
    private CaseKind kind;
    private String changeId;
    private String companyName;
    private String vatId;
    private String infoRequestId;
    private Instant infoRequestExpiresAt;
    private Instant deadline;
    private CaseStatus status;
    private RegistryCheckStatus registryCheck;
    private RegistryEvidence evidence;
    private int lastRegistryAttempt;
    private boolean slaBreached;
    private boolean erased;

    protected VerificationCase() {}

    /** One case per application: its id follows from the account id, so a repeated request cannot open a second. */
    public static String caseIdFor(String accountId) {
        return UUID.nameUUIDFromBytes(("verification-case:" + accountId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    public VerificationCase(OpenVerificationCase command) {
        apply(new VerificationCaseOpened(
                command.caseId(),
                command.accountId(),
                command.companyName(),
                command.country(),
                command.vatLiable(),
                command.vatId(),
                command.documents() == null ? List.of() : List.copyOf(command.documents()),
                command.submittedAt(),
                command.deadline()));
    }

    /** One case per requested change: its id follows from the change id. */
    public static String caseIdForChange(String changeId) {
        return UUID.nameUUIDFromBytes(("verification-change-case:" + changeId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    public VerificationCase(OpenChangeCase command) {
        apply(new ChangeCaseOpened(
                command.caseId(),
                command.accountId(),
                command.changeId(),
                command.companyName(),
                command.vatId(),
                command.previousCompanyName(),
                command.previousVatId(),
                command.vatIdChanged(),
                command.country(),
                command.submittedAt(),
                command.deadline()));
    }

    @CommandHandler
    void handle(RecordRegistryConfirmation command, ApprovalPolicy policy, Clock clock) {
        if (!awaitsRegistryAnswer()) {
            return;
        }
        RegistryEvidence confirmed =
                new RegistryEvidence(command.registry(), vatId, command.consultationNumber(), command.checkedAt());
        apply(new VatIdConfirmed(caseId, accountId, confirmed));
        if (policy.approveWhenRegistryConfirms() && status != CaseStatus.INFO_REQUESTED) {
            approve(VerificationMethod.REGISTRY_POLICY, confirmed, null, clock.instant());
        } else {
            queueForReviewIfOpen();
        }
    }

    @CommandHandler
    void handle(RecordRegistryRefusal command) {
        if (!awaitsRegistryAnswer()) {
            return;
        }
        apply(new VatIdReportedInvalid(caseId, accountId, command.registry(), vatId, command.checkedAt()));
        queueForReviewIfOpen();
    }

    @CommandHandler
    void handle(RecordRegistryUnavailable command) {
        if (!awaitsRegistryAnswer() || command.attempt() <= lastRegistryAttempt) {
            return;
        }
        apply(new RegistryCheckUnavailable(
                caseId,
                accountId,
                command.registry(),
                vatId,
                command.fault(),
                command.attempt(),
                command.checkedAt(),
                command.nextCheckAt()));
        queueForReviewIfOpen();
    }

    @CommandHandler
    void handle(ApproveVerification command, Clock clock) {
        requireUndecided();
        // the registry's confirmation, where there is one, is part of the evidence of an operator's approval too
        RegistryEvidence confirmed = registryCheck == RegistryCheckStatus.VALID ? evidence : null;
        approve(VerificationMethod.OPERATOR, confirmed, command.decidedBy(), clock.instant());
    }

    @CommandHandler
    void handle(RejectVerification command, Clock clock) {
        requireUndecided();
        String reason = reason(command.reason());
        if (kind == CaseKind.CHANGE) {
            apply(new CompanyChangeRejected(caseId, accountId, changeId, reason, command.decidedBy(), clock.instant()));
        } else {
            apply(new AccountVerificationRejected(caseId, accountId, reason, command.decidedBy(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RequestVerificationInfo command, Clock clock) {
        requireUndecided();
        if (kind == CaseKind.CHANGE) {
            throw new InformationNotExpectedException(
                    "Information is asked of applicants only; approve or reject a change of company details");
        }
        apply(new VerificationInfoRequested(
                caseId,
                accountId,
                reason(command.reason()),
                command.decidedBy(),
                clock.instant(),
                command.requestId(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(ProvideInformation command) {
        if (status != CaseStatus.INFO_REQUESTED) {
            throw new InformationNotExpectedException("The case is not waiting for information: " + status);
        }
        if (infoRequestId == null || !infoRequestId.equals(command.requestId())) {
            throw new InformationNotExpectedException("The information request was replaced by a newer one");
        }
        if (!command.providedAt().isBefore(infoRequestExpiresAt)) {
            throw new InformationNotExpectedException("The information request expired");
        }
        apply(new InformationProvided(
                caseId, accountId, command.requestId(), command.document(), command.providedAt()));
    }

    private void approve(VerificationMethod method, RegistryEvidence confirmed, String decidedBy, Instant at) {
        if (kind == CaseKind.CHANGE) {
            apply(new CompanyChangeApproved(
                    caseId, accountId, changeId, companyName, vatId, method, confirmed, decidedBy, at));
        } else {
            apply(new AccountVerified(caseId, accountId, method, confirmed, decidedBy, at));
        }
    }

    @CommandHandler
    void handle(RecordSlaBreach command, Clock clock) {
        Instant now = clock.instant();
        if (status.closed() || slaBreached || now.isBefore(deadline)) {
            return;
        }
        apply(new VerificationSlaBreached(caseId, accountId, deadline, now));
    }

    /** Once per case; an undecided case is closed without a decision, a decided one keeps its outcome. */
    @CommandHandler
    void handle(CloseErasedCase command) {
        if (erased) {
            return;
        }
        apply(new VerificationCaseErased(caseId, accountId, !status.closed(), command.erasedAt()));
    }

    private boolean awaitsRegistryAnswer() {
        return !status.closed() && registryCheck == RegistryCheckStatus.UNAVAILABLE;
    }

    private void queueForReviewIfOpen() {
        if (status == CaseStatus.OPEN) {
            apply(new CaseQueuedForReview(caseId, accountId));
        }
    }

    private void requireUndecided() {
        if (status.closed()) {
            throw new CaseClosedException(caseId, status);
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequiredException();
        }
        return reason.strip();
    }

    @EventSourcingHandler
    void on(VerificationCaseOpened event) {
        kind = CaseKind.APPLICATION;
        caseId = event.caseId();
        accountId = event.accountId();
        companyName = event.companyName();
        vatId = event.vatId();
        deadline = event.deadline();
        boolean check = event.registryCheckRequired();
        status = check ? CaseStatus.OPEN : CaseStatus.IN_REVIEW;
        registryCheck = check ? RegistryCheckStatus.UNAVAILABLE : RegistryCheckStatus.NOT_APPLICABLE;
    }

    @EventSourcingHandler
    void on(ChangeCaseOpened event) {
        kind = CaseKind.CHANGE;
        caseId = event.caseId();
        accountId = event.accountId();
        changeId = event.changeId();
        companyName = event.companyName();
        vatId = event.vatId();
        deadline = event.deadline();
        boolean check = event.registryCheckRequired();
        status = check ? CaseStatus.OPEN : CaseStatus.IN_REVIEW;
        registryCheck = check ? RegistryCheckStatus.UNAVAILABLE : RegistryCheckStatus.NOT_APPLICABLE;
    }

    @EventSourcingHandler
    void on(CompanyChangeApproved event) {
        status = CaseStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(CompanyChangeRejected event) {
        status = CaseStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(InformationProvided event) {
        status = CaseStatus.IN_REVIEW;
        infoRequestId = null; // answered: the link is used up
    }

    @EventSourcingHandler
    void on(VatIdConfirmed event) {
        registryCheck = RegistryCheckStatus.VALID;
        evidence = event.evidence();
    }

    @EventSourcingHandler
    void on(VatIdReportedInvalid event) {
        registryCheck = RegistryCheckStatus.INVALID;
    }

    @EventSourcingHandler
    void on(RegistryCheckUnavailable event) {
        lastRegistryAttempt = event.attempt();
    }

    @EventSourcingHandler
    void on(CaseQueuedForReview event) {
        status = CaseStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(AccountVerified event) {
        status = CaseStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(AccountVerificationRejected event) {
        status = CaseStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(VerificationInfoRequested event) {
        status = CaseStatus.INFO_REQUESTED;
        infoRequestId = event.requestId();
        infoRequestExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(VerificationSlaBreached event) {
        slaBreached = true;
    }

    @EventSourcingHandler
    void on(VerificationCaseErased event) {
        erased = true;
        if (event.withdrawn()) {
            status = CaseStatus.ERASED;
        }
        companyName = null;
        vatId = null;
        evidence = null;
        infoRequestId = null;
    }

    CaseStatus status() {
        return status;
    }

    RegistryCheckStatus registryCheck() {
        return registryCheck;
    }

    boolean slaBreached() {
        return slaBreached;
    }

    boolean erased() {
        return erased;
    }
}

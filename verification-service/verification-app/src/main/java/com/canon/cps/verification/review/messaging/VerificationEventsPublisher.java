package com.canon.cps.verification.review.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.verification.contract.RegistryEvidence;
import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.CompanyChangeApproved;
import com.canon.cps.verification.review.domain.CompanyChangeRejected;
import com.canon.cps.verification.review.domain.InformationProvided;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.domain.VerificationSlaBreached;
import com.canon.cps.verification.review.store.InformationTokens;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps the case's internal events to the published contract on {@code cps.verification.events} (key = account id).
 * Registry answers, queueing and the operator's identity stay inside the service. The token of an information
 * request's link is derived here from the request's id and goes onto the wire only sealed for notification-service
 * (ADR 20), bound to the event's {@code ce_type} and {@code ce_id} (the message identifier).
 */
@Component
class VerificationEventsPublisher implements ContractEventMapper {

    private final InformationTokens tokens;
    private final SealedSecrets seal;

    VerificationEventsPublisher(InformationTokens tokens, NotificationSeal seal) {
        this.tokens = tokens;
        this.seal = seal.secrets();
    }

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> event) {
        return toContract(event.getPayload(), event.getIdentifier(), tokens, seal);
    }

    /** As {@link #toContract(Object, String, InformationTokens, SealedSecrets)} for events that carry no link. */
    static Optional<OutboundEvent> toContract(Object payload) {
        return toContract(payload, null, null, null);
    }

    /** The contract event of {@code payload}, published as event {@code eventId} (its {@code ce_id}). */
    static Optional<OutboundEvent> toContract(
            Object payload, String eventId, InformationTokens tokens, SealedSecrets seal) {
        if (payload instanceof VerificationInfoRequested e) {
            String type = com.canon.cps.verification.contract.VerificationInfoRequestedV2.TYPE;
            String sealedToken = e.requestId() == null
                    ? null
                    : seal.seal(tokens.tokenFor(e.caseId(), e.requestId()), SealedSecrets.eventContext(type, eventId));
            return out(
                    type,
                    e.accountId(),
                    new com.canon.cps.verification.contract.VerificationInfoRequestedV2(
                            e.accountId(), e.caseId(), e.reason(), e.requestedAt(), sealedToken, e.expiresAt()));
        }
        return changeOrAnswer(payload).or(() -> application(payload));
    }

    private static Optional<OutboundEvent> changeOrAnswer(Object payload) {
        if (payload instanceof CompanyChangeApproved e) {
            return out(
                    com.canon.cps.verification.contract.CompanyChangeApproved.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.CompanyChangeApproved(
                            e.accountId(),
                            e.caseId(),
                            e.changeId(),
                            e.companyName(),
                            e.vatId(),
                            e.method().name(),
                            evidence(e.evidence()),
                            e.approvedAt()));
        }
        if (payload instanceof CompanyChangeRejected e) {
            return out(
                    com.canon.cps.verification.contract.CompanyChangeRejected.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.CompanyChangeRejected(
                            e.accountId(), e.caseId(), e.changeId(), e.reason(), e.rejectedAt()));
        }
        if (payload instanceof InformationProvided e) {
            return out(
                    com.canon.cps.verification.contract.VerificationInfoProvided.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.VerificationInfoProvided(
                            e.accountId(), e.caseId(), e.document().documentId(), e.providedAt()));
        }
        return Optional.empty();
    }

    private static Optional<OutboundEvent> application(Object payload) {
        if (payload instanceof AccountVerified e) {
            return out(
                    com.canon.cps.verification.contract.AccountVerified.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.AccountVerified(
                            e.accountId(), e.caseId(), e.method().name(), evidence(e), e.verifiedAt()));
        }
        if (payload instanceof AccountVerificationRejected e) {
            return out(
                    com.canon.cps.verification.contract.AccountVerificationRejected.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.AccountVerificationRejected(
                            e.accountId(), e.caseId(), e.reason(), e.rejectedAt()));
        }
        if (payload instanceof VerificationSlaBreached e) {
            return out(
                    com.canon.cps.verification.contract.VerificationSlaBreached.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.VerificationSlaBreached(
                            e.accountId(), e.caseId(), e.deadline(), e.breachedAt()));
        }
        return Optional.empty();
    }

    private static RegistryEvidence evidence(AccountVerified e) {
        return evidence(e.evidence());
    }

    private static RegistryEvidence evidence(com.canon.cps.verification.review.domain.RegistryEvidence evidence) {
        return evidence == null
                ? null
                : new RegistryEvidence(
                        evidence.registry(), evidence.vatId(), evidence.consultationNumber(), evidence.checkedAt());
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }
}

package com.canon.cps.verification.review.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.verification.contract.RegistryEvidence;
import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.domain.VerificationSlaBreached;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps the case's internal events to the published contract on {@code cps.verification.events} (key = account id).
 * Registry answers, queueing and the operator's identity stay inside the service.
 */
@Component
class VerificationEventsPublisher implements ContractEventMapper {

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> event) {
        return toContract(event.getPayload());
    }

    static Optional<OutboundEvent> toContract(Object payload) {
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
        if (payload instanceof VerificationInfoRequested e) {
            return out(
                    com.canon.cps.verification.contract.VerificationInfoRequested.TYPE,
                    e.accountId(),
                    new com.canon.cps.verification.contract.VerificationInfoRequested(
                            e.accountId(), e.caseId(), e.reason(), e.requestedAt()));
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
        return e.evidence() == null
                ? null
                : new RegistryEvidence(
                        e.evidence().registry(),
                        e.evidence().vatId(),
                        e.evidence().consultationNumber(),
                        e.evidence().checkedAt());
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }
}

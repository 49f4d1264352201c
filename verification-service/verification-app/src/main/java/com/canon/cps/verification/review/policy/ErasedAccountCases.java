package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.verification.review.domain.CloseErasedCase;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23): each of its cases is closed for erasure ({@link CloseErasedCase}), so
 * no decision, registry answer or SLA deadline acts on it any more ({@link WhenVerificationCaseErasedThenCancelDeadlines}). An
 * account without a case has nothing to close.
 */
@Component
class ErasedAccountCases implements ErasureParticipant {

    private final CommandGateway commands;
    private final VerificationCaseQueries cases;
    private final EventStore events;
    private final Clock clock;

    ErasedAccountCases(CommandGateway commands, VerificationCaseQueries cases, EventStore events, Clock clock) {
        this.commands = commands;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void erase(String accountId) {
        Instant now = clock.instant();
        for (String caseId : cases.caseIdsOf(accountId)) {
            // only cases that exist: a command refused for an unknown case would roll back the caller's transaction
            if (events.lastSequenceNumberFor(caseId).isPresent()) {
                commands.sendAndWait(new CloseErasedCase(caseId, now));
            }
        }
    }
}

package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.ChangeCaseOpened;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A new case gets its SLA deadline and, when VAT-liable, its first registry check (due at once: the scheduler's
 * poller runs it moments later, outside the consumer of the application).
 *
 * <p>The SLA deadline is not cancelled when the case is decided: cancelling would wait for the deadline's row lock
 * while holding the aggregate's lock, which the firing deadline may be waiting for. A deadline that fires for a
 * decided case is ignored by the aggregate.
 */
@Component
@ProcessingGroup(VerificationDeadlines.PROCESSING_GROUP)
class WhenCaseOpenedThenScheduleDeadlines {

    private final DeadlineScheduler deadlines;
    private final Clock clock;

    WhenCaseOpenedThenScheduleDeadlines(DeadlineScheduler deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventHandler
    void on(VerificationCaseOpened event) {
        schedule(event.caseId(), event.deadline(), event.registryCheckRequired(), event.vatId());
    }

    /** A change of company details has the same deadlines; its registry check only when the VAT ID changes. */
    @EventHandler
    void on(ChangeCaseOpened event) {
        schedule(event.caseId(), event.deadline(), event.registryCheckRequired(), event.vatId());
    }

    private void schedule(String caseId, Instant deadline, boolean registryCheck, String vatId) {
        deadlines.schedule(
                VerificationDeadlines.slaId(caseId),
                VerificationDeadlines.SLA,
                deadline,
                new VerificationDeadlines.SlaDue(caseId));
        if (registryCheck) {
            deadlines.schedule(
                    VerificationDeadlines.registryCheckId(caseId, 1),
                    VerificationDeadlines.REGISTRY_CHECK,
                    clock.instant(),
                    new VerificationDeadlines.RegistryCheckDue(caseId, vatId, 1));
        }
    }
}

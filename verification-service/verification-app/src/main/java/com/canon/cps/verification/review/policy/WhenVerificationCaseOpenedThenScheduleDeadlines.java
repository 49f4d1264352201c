package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A new verification case gets its SLA deadline and, when VAT-liable, its first registry check. */
@Component
@ProcessingGroup(VerificationDeadlines.PROCESSING_GROUP)
class WhenVerificationCaseOpenedThenScheduleDeadlines {

    private final DeadlineScheduler deadlines;
    private final Clock clock;

    WhenVerificationCaseOpenedThenScheduleDeadlines(DeadlineScheduler deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventHandler
    void on(VerificationCaseOpened event) {
        VerificationDeadlines.scheduleForNewCase(
                deadlines, clock, event.caseId(), event.deadline(), event.registryCheckRequired(), event.vatId());
    }
}

package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.RegistryCheckUnavailable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A check without an answer is tried again at the time its event names (none for a permanent fault). */
@Component
@ProcessingGroup(VerificationDeadlines.PROCESSING_GROUP)
class WhenRegistryCheckUnavailableThenScheduleRecheck {

    private final DeadlineScheduler deadlines;

    WhenRegistryCheckUnavailableThenScheduleRecheck(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(RegistryCheckUnavailable event) {
        if (event.nextCheckAt() == null) {
            return;
        }
        int next = event.attempt() + 1;
        deadlines.schedule(
                VerificationDeadlines.registryCheckId(event.caseId(), next),
                VerificationDeadlines.REGISTRY_CHECK,
                event.nextCheckAt(),
                new VerificationDeadlines.RegistryCheckDue(event.caseId(), event.vatId(), next));
    }
}

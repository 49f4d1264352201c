package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.ChangeCaseOpened;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A change of company details has the same deadlines as an application; its registry check only when the VAT ID
 * changes. */
@Component
@ProcessingGroup(VerificationDeadlines.PROCESSING_GROUP)
class WhenChangeCaseOpenedThenScheduleDeadlines {

    private final DeadlineScheduler deadlines;
    private final Clock clock;

    WhenChangeCaseOpenedThenScheduleDeadlines(DeadlineScheduler deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventHandler
    void on(ChangeCaseOpened event) {
        VerificationDeadlines.scheduleForNewCase(
                deadlines, clock, event.caseId(), event.deadline(), event.registryCheckRequired(), event.vatId());
    }
}

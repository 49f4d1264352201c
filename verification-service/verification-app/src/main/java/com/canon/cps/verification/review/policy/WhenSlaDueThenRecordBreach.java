package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.RecordSlaBreach;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The SLA deadline of a case has come. The aggregate decides whether it is a breach (undecided, not yet breached), so
 * a deadline fired twice, or for a decided case, changes nothing.
 */
@Component
class WhenSlaDueThenRecordBreach {

    WhenSlaDueThenRecordBreach(DeadlineScheduler deadlines, CommandGateway commands) {
        deadlines.onDue(
                VerificationDeadlines.SLA,
                VerificationDeadlines.SlaDue.class,
                due -> commands.sendAndWait(new RecordSlaBreach(due.caseId())));
    }
}

package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.review.domain.VerificationCaseErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case closed for erasure keeps no deadline: its SLA deadline and every pending registry check (whose payload holds
 * the VAT ID in clear) are cancelled in the transaction of the event. A deadline that is firing at this moment is left
 * alone by the scheduler; the case then ignores what it causes.
 */
@Component
@ProcessingGroup(VerificationDeadlines.PROCESSING_GROUP)
class WhenVerificationCaseErasedThenCancelDeadlines {

    private final DeadlineScheduler deadlines;
    private final JdbcTemplate jdbc;

    WhenVerificationCaseErasedThenCancelDeadlines(DeadlineScheduler deadlines, JdbcTemplate jdbc) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VerificationCaseErased event) {
        deadlines.cancel(VerificationDeadlines.slaId(event.caseId()));
        // one registry check per attempt; the scheduler cancels by id only
        jdbc.queryForList(
                        "SELECT deadline_id FROM scheduled_deadline WHERE deadline_id LIKE ?",
                        String.class,
                        VerificationDeadlines.registryCheckIds(event.caseId()))
                .forEach(deadlines::cancel);
    }
}

package com.canon.cps.product.registration.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.product.config.ProductSettings;
import com.canon.cps.product.registration.domain.MissingDetail;
import com.canon.cps.product.registration.domain.ProductRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An incomplete registration gets its reminder deadline ({@code cps.product.incomplete-reminder-after} after the
 * registration), stored in the transaction of the event (subscribing processor). Nothing is cancelled when it is
 * completed or deregistered: the registration decides when the deadline comes.
 */
@Component
@ProcessingGroup(ReminderDeadlines.PROCESSING_GROUP)
class WhenProductRegisteredThenScheduleReminder {

    private final DeadlineScheduler deadlines;
    private final ProductSettings settings;

    WhenProductRegisteredThenScheduleReminder(DeadlineScheduler deadlines, ProductSettings settings) {
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @EventHandler
    void on(ProductRegistered e) {
        if (!MissingDetail.complete(e.serialNumber(), e.details())) {
            deadlines.schedule(
                    ReminderDeadlines.INCOMPLETE + ":" + e.productId(),
                    ReminderDeadlines.INCOMPLETE,
                    e.registeredAt().plus(settings.incompleteReminderAfter()),
                    new ReminderDeadlines.ReminderDue(e.productId()));
        }
    }
}

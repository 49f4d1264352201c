package com.canon.cps.product.registration.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.product.registration.domain.RemindIncompleteRegistration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** A registration's reminder is due: it reminds its member if still incomplete; a deregistered one is gone. */
@Component
class WhenReminderDueThenRemindIfIncomplete {

    WhenReminderDueThenRemindIfIncomplete(DeadlineScheduler deadlines, CommandGateway commands) {
        deadlines.onDue(ReminderDeadlines.INCOMPLETE, ReminderDeadlines.ReminderDue.class, due -> {
            try {
                commands.sendAndWait(new RemindIncompleteRegistration(due.productId()));
            } catch (RuntimeException e) {
                if (!deregistered(e)) {
                    throw e;
                }
            }
        });
    }

    /** Loading a deregistered registration fails as "not found" (it was marked deleted). */
    private static boolean deregistered(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }
}

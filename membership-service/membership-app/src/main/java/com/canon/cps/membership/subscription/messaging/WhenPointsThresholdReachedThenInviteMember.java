package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.subscription.domain.InviteMember;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.contract.PointsThresholdReached;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** The threshold (owned by points-service, not second-guessed here) invites the account; the balance comes with the
 * invitation too, since the balance change may be handled before or after it. */
@Component
class WhenPointsThresholdReachedThenInviteMember implements EventInbox.Handler<PointsThresholdReached> {

    private final CommandGateway commands;

    WhenPointsThresholdReachedThenInviteMember(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<PointsThresholdReached> event) {
        PointsThresholdReached e = event.data();
        commands.sendAndWait(new InviteMember(e.accountId(), e.balance()));
    }
}

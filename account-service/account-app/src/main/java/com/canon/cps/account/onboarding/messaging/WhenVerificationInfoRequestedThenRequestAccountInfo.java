package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.onboarding.domain.RequestAccountInfo;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** An operator needs more information: the application moves to INFO_REQUESTED and the applicant is told why. */
@Component
class WhenVerificationInfoRequestedThenRequestAccountInfo implements EventInbox.Handler<VerificationInfoRequestedV2> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;
    private final Clock clock;

    WhenVerificationInfoRequestedThenRequestAccountInfo(CommandGateway commands, Clock clock, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<VerificationInfoRequestedV2> event) {
        if (erased.ignoring(event.data().accountId(), "VerificationInfoRequestedV2")) {
            return;
        }
        VerificationInfoRequestedV2 requested = event.data();
        commands.sendAndWait(
                new RequestAccountInfo(requested.accountId(), requested.caseId(), requested.reason(), clock.instant()));
    }
}

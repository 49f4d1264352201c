package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.onboarding.domain.RejectAccount;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.AccountVerificationRejected;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Verification rejected the application: reject the account (no password can ever be set for it). */
@Component
class WhenAccountVerificationRejectedThenRejectAccount implements EventInbox.Handler<AccountVerificationRejected> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;
    private final Clock clock;

    WhenAccountVerificationRejectedThenRejectAccount(CommandGateway commands, Clock clock, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<AccountVerificationRejected> event) {
        if (erased.ignoring(event.data().accountId(), "AccountVerificationRejected")) {
            return;
        }
        AccountVerificationRejected rejected = event.data();
        commands.sendAndWait(
                new RejectAccount(rejected.accountId(), rejected.caseId(), rejected.reason(), clock.instant()));
    }
}

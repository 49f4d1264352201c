package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.onboarding.domain.RejectCompanyChange;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.CompanyChangeRejected;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Verification refused a change of company name or VAT ID: the account keeps its details; the member is told. */
@Component
class WhenCompanyChangeRejectedThenRejectIt implements EventInbox.Handler<CompanyChangeRejected> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;
    private final Clock clock;

    WhenCompanyChangeRejectedThenRejectIt(CommandGateway commands, Clock clock, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<CompanyChangeRejected> event) {
        if (erased.ignoring(event.data().accountId(), "CompanyChangeRejected")) {
            return;
        }
        CompanyChangeRejected rejected = event.data();
        commands.sendAndWait(new RejectCompanyChange(
                rejected.accountId(), rejected.changeId(), rejected.caseId(), rejected.reason(), clock.instant()));
    }
}

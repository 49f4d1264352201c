package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.onboarding.domain.ApplyCompanyChange;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.CompanyChangeApproved;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Verification approved a change of company name or VAT ID: the account takes it (a redelivery changes nothing). */
@Component
class WhenCompanyChangeApprovedThenApplyIt implements EventInbox.Handler<CompanyChangeApproved> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;
    private final Clock clock;

    WhenCompanyChangeApprovedThenApplyIt(CommandGateway commands, Clock clock, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<CompanyChangeApproved> event) {
        if (erased.ignoring(event.data().accountId(), "CompanyChangeApproved")) {
            return;
        }
        CompanyChangeApproved approved = event.data();
        commands.sendAndWait(new ApplyCompanyChange(
                approved.accountId(),
                approved.changeId(),
                approved.caseId(),
                approved.companyName(),
                approved.vatId(),
                clock.instant()));
    }
}

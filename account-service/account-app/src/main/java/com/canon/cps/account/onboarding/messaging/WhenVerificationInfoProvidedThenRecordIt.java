package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.onboarding.domain.RecordAccountInfoProvided;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.VerificationInfoProvided;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** The applicant answered the request for information: the application waits for a decision again. */
@Component
class WhenVerificationInfoProvidedThenRecordIt implements EventInbox.Handler<VerificationInfoProvided> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;

    WhenVerificationInfoProvidedThenRecordIt(CommandGateway commands, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<VerificationInfoProvided> event) {
        if (erased.ignoring(event.data().accountId(), "VerificationInfoProvided")) {
            return;
        }
        VerificationInfoProvided provided = event.data();
        commands.sendAndWait(
                new RecordAccountInfoProvided(provided.accountId(), provided.caseId(), provided.providedAt()));
    }
}

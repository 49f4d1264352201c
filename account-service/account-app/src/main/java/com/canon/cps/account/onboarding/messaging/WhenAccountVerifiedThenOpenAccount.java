package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.OpenAccount;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.AccountVerified;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Verification approved the application: open the account and issue its password-setup link. Runs inside the
 * inbox transaction; a redelivered approval finds the account open and issues nothing.
 */
@Component
class WhenAccountVerifiedThenOpenAccount implements EventInbox.Handler<AccountVerified> {

    private final ErasedAccounts erased;
    private final CommandGateway commands;
    private final Clock clock;
    private final AccountSettings settings;

    WhenAccountVerifiedThenOpenAccount(
            CommandGateway commands, Clock clock, AccountSettings settings, ErasedAccounts erased) {
        this.erased = erased;
        this.commands = commands;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void handle(InboundEvent<AccountVerified> event) {
        if (erased.ignoring(event.data().accountId(), "AccountVerified")) {
            return;
        }
        AccountVerified verified = event.data();
        Instant now = clock.instant();
        // the issue id is public (it is in the event store); only the token derived from it is secret
        commands.sendAndWait(new OpenAccount(
                verified.accountId(),
                verified.caseId(),
                verified.method(),
                now,
                UUID.randomUUID().toString(),
                now.plus(settings.passwordTokenTtl())));
    }
}

package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.membership.subscription.domain.EraseMembership;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The account was erased (GDPR Art. 17): its membership ends for good (no renewal, no order, no reminder), then its
 * keys are destroyed, which makes its personal data in the event store unreadable, and the service's
 * {@code ErasureParticipant}s purge the rest. In that order, so that the aggregate the command cached is forgotten by
 * the erasure. Runs inside the inbox transaction; both steps are idempotent, so a redelivery changes nothing.
 */
@Component
class WhenAccountErasedThenEndMembership implements EventInbox.Handler<AccountErased> {

    private final CommandGateway commands;
    private final PersonalDataErasure erasure;

    WhenAccountErasedThenEndMembership(CommandGateway commands, PersonalDataErasure erasure) {
        this.commands = commands;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountErased> event) {
        String accountId = event.data().accountId();
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("AccountErased without accountId");
        }
        commands.sendAndWait(new EraseMembership(accountId));
        erasure.erase(accountId);
    }
}

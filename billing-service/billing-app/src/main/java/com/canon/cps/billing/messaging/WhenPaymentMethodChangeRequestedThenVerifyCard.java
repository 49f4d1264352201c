package com.canon.cps.billing.messaging;

import com.canon.cps.billing.card.domain.RequestCardChange;
import com.canon.cps.membership.contract.PaymentMethodChangeRequested;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The member gave a new card: billing verifies it before it becomes the account's card. An erased account's request
 * (one that was under way at the erasure) is dropped: nothing is charged to an erased account any more (ADR 24).
 */
@Component
class WhenPaymentMethodChangeRequestedThenVerifyCard implements EventInbox.Handler<PaymentMethodChangeRequested> {

    private final CommandGateway commands;
    private final PersonalDataErasure erasure;

    WhenPaymentMethodChangeRequestedThenVerifyCard(CommandGateway commands, PersonalDataErasure erasure) {
        this.commands = commands;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<PaymentMethodChangeRequested> event) {
        PaymentMethodChangeRequested r = event.data();
        if (erasure.isErased(r.accountId())) {
            return;
        }
        if (r.cardTokenReference() == null || r.requestId() == null || r.currency() == null) {
            throw new IllegalArgumentException("A card change needs a request id, a card token and a currency");
        }
        commands.sendAndWait(new RequestCardChange(r.accountId(), r.requestId(), r.cardTokenReference(), r.currency()));
    }
}

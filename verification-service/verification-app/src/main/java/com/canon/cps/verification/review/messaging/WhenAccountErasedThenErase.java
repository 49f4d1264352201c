package com.canon.cps.verification.review.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/**
 * account-service erased an account (GDPR Art. 17, ADR 23): the account's data keys are destroyed, so every personal
 * value of its cases' events reads {@code "[erased]"}, and the service's participants close its cases and cancel their
 * deadlines, delete its evidence documents and information-request links and anonymise the operators' queue. In the
 * inbox transaction: all of it or nothing, once per record however often Kafka delivers it.
 */
@Component
class WhenAccountErasedThenErase implements EventInbox.Handler<AccountErased> {

    private final PersonalDataErasure erasure;

    WhenAccountErasedThenErase(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountErased> event) {
        erasure.erase(event.data().accountId());
    }
}

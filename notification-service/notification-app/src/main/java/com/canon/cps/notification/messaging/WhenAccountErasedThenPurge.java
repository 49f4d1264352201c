package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/**
 * account-service erased an account (GDPR Art. 17, ADR 23): the account is recorded as erased and everything this
 * service holds about it goes ({@code ErasedAccountNotifications}: its e-mails sent or queued, with their addresses,
 * texts and attachments, its bell entries and its entry in the recipient directory). In the inbox transaction: all of it
 * or nothing, once per record however often Kafka delivers it. Afterwards no event of the account writes an e-mail or
 * a bell entry ({@code Notifications}).
 */
@Component
class WhenAccountErasedThenPurge implements EventInbox.Handler<AccountErased> {

    private final PersonalDataErasure erasure;

    WhenAccountErasedThenPurge(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountErased> event) {
        erasure.erase(event.data().accountId());
    }
}

package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.membership.subscription.store.BuyerVatStatus;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The application tells the buyer's country, whether it is VAT-liable and its VAT ID (as billing learns them). */
@Component
class WhenAccountApplicationSubmittedThenRememberVatStatus implements EventInbox.Handler<AccountApplicationSubmitted> {

    private final BuyerVatStatus buyers;

    WhenAccountApplicationSubmittedThenRememberVatStatus(BuyerVatStatus buyers) {
        this.buyers = buyers;
    }

    @Override
    public void handle(InboundEvent<AccountApplicationSubmitted> event) {
        AccountApplicationSubmitted a = event.data();
        buyers.rememberApplication(a.accountId(), a.country(), a.vatLiable(), a.vatId());
    }
}

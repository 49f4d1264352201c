package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.billing.invoice.store.BuyerDirectory;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/**
 * The application names the buyer every invoice of the account is issued to: name, address, language and VAT ID. An
 * application redelivered after the account's erasure is not remembered again.
 */
@Component
class WhenAccountApplicationSubmittedThenRememberBuyer implements EventInbox.Handler<AccountApplicationSubmitted> {

    private final BuyerDirectory buyers;
    private final PersonalDataErasure erasure;

    WhenAccountApplicationSubmittedThenRememberBuyer(BuyerDirectory buyers, PersonalDataErasure erasure) {
        this.buyers = buyers;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountApplicationSubmitted> event) {
        AccountApplicationSubmitted a = event.data();
        if (erasure.isErased(a.accountId())) {
            return;
        }
        Address address = a.address();
        buyers.rememberApplication(
                a.accountId(),
                a.companyName(),
                address.line1(),
                address.postalCode(),
                address.city(),
                a.country(),
                a.language(),
                a.vatLiable(),
                a.vatId());
    }
}

package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.subscription.store.BuyerVatStatus;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import org.springframework.stereotype.Component;

/** The VAT ID a registry confirmed at verification, which the reverse charge of the price preview needs (as billing's
 * invoice does). */
@Component
class WhenAccountVerifiedThenRememberConfirmedVatId implements EventInbox.Handler<AccountVerified> {

    private final BuyerVatStatus buyers;

    WhenAccountVerifiedThenRememberConfirmedVatId(BuyerVatStatus buyers) {
        this.buyers = buyers;
    }

    @Override
    public void handle(InboundEvent<AccountVerified> event) {
        AccountVerified e = event.data();
        RegistryEvidence evidence = e.registryEvidence();
        buyers.rememberVerification(e.accountId(), evidence == null ? null : evidence.vatId());
    }
}

package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.billing.invoice.store.BuyerDirectory;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import org.springframework.stereotype.Component;

/** The VAT ID a registry confirmed at verification is the buyer's (the reverse charge needs a confirmed one). */
@Component
class WhenAccountVerifiedThenRememberVatId implements EventInbox.Handler<AccountVerified> {

    private final BuyerDirectory buyers;
    private final PersonalDataErasure erasure;

    WhenAccountVerifiedThenRememberVatId(BuyerDirectory buyers, PersonalDataErasure erasure) {
        this.buyers = buyers;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountVerified> event) {
        AccountVerified v = event.data();
        if (erasure.isErased(v.accountId())) {
            return;
        }
        RegistryEvidence evidence = v.registryEvidence();
        buyers.rememberVerification(v.accountId(), evidence == null ? null : evidence.vatId());
    }
}

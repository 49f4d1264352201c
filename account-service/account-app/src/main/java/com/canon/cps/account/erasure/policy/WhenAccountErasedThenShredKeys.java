package com.canon.cps.account.erasure.policy;

import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Once {@code AccountErased} is stored, destroys the account's data key (crypto-shredding): from then on every event
 * of the account reads {@code "[erased]"} in its personal fields, for the aggregate, the projections, rebuilds and the
 * publisher alike. A tracking processor of its own ({@value #PROCESSING_GROUP}): its position moves only after the
 * erasure succeeded, so a crash between the event and the erasure erases on the next start, and a failing erasure is
 * retried (then dead-lettered, not skipped). {@link PersonalDataErasure#erase} is idempotent.
 */
@Component
@ProcessingGroup(WhenAccountErasedThenShredKeys.PROCESSING_GROUP)
class WhenAccountErasedThenShredKeys {

    static final String PROCESSING_GROUP = "account-erasure";

    private final PersonalDataErasure erasure;

    WhenAccountErasedThenShredKeys(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @EventHandler
    void on(AccountErased event) {
        erasure.erase(event.accountId());
    }
}

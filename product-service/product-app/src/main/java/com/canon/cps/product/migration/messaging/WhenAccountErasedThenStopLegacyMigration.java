package com.canon.cps.product.migration.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.product.migration.domain.LegacyMigration;
import com.canon.cps.product.migration.domain.StopLegacyMigration;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The account was erased (GDPR Art. 17): a migration not yet done is stopped for good, then the account's keys are
 * destroyed (its old CPS e-mail and the dealers it typed become unreadable in the event store) and the service's
 * {@code ErasureParticipant}s purge the read models. In that order, so that the aggregate the command cached is
 * forgotten by the erasure. Runs inside the inbox transaction; both steps are idempotent.
 */
@Component
class WhenAccountErasedThenStopLegacyMigration implements EventInbox.Handler<AccountErased> {

    private final CommandGateway commands;
    private final PersonalDataErasure erasure;
    private final Clock clock;

    WhenAccountErasedThenStopLegacyMigration(CommandGateway commands, PersonalDataErasure erasure, Clock clock) {
        this.commands = commands;
        this.erasure = erasure;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<AccountErased> event) {
        AccountErased erased = event.data();
        if (erased.accountId() == null || erased.accountId().isBlank()) {
            throw new IllegalArgumentException("AccountErased without accountId");
        }
        commands.sendAndWait(new StopLegacyMigration(
                LegacyMigration.idFor(erased.accountId()),
                erased.accountId(),
                erased.erasedAt() != null ? erased.erasedAt() : clock.instant()));
        erasure.erase(erased.accountId());
    }
}

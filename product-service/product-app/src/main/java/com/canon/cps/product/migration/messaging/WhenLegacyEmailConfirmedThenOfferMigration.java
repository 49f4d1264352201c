package com.canon.cps.product.migration.messaging;

import com.canon.cps.account.contract.LegacyEmailConfirmed;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.product.migration.domain.ConfirmLegacyEmail;
import com.canon.cps.product.migration.domain.LegacyMigration;
import java.time.Clock;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The member proved its old CPS e-mail: the registrations imported under it may be migrated now. Runs inside the inbox
 * transaction; the command is idempotent on the aggregate.
 */
@Component
class WhenLegacyEmailConfirmedThenOfferMigration implements EventInbox.Handler<LegacyEmailConfirmed> {

    private final CommandGateway commands;
    private final Clock clock;

    WhenLegacyEmailConfirmedThenOfferMigration(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<LegacyEmailConfirmed> event) {
        LegacyEmailConfirmed confirmed = event.data();
        if (confirmed.accountId() == null
                || confirmed.accountId().isBlank()
                || confirmed.legacyCpsEmail() == null
                || confirmed.legacyCpsEmail().isBlank()) {
            throw new IllegalArgumentException("LegacyEmailConfirmed without accountId or legacyCpsEmail");
        }
        commands.sendAndWait(new ConfirmLegacyEmail(
                LegacyMigration.idFor(confirmed.accountId()),
                confirmed.accountId(),
                confirmed.legacyCpsEmail().trim().toLowerCase(Locale.ROOT),
                confirmed.confirmedAt() != null ? confirmed.confirmedAt() : clock.instant()));
    }
}

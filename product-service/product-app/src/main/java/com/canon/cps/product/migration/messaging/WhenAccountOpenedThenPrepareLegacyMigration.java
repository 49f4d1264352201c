package com.canon.cps.product.migration.messaging;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.product.migration.domain.LegacyMigration;
import com.canon.cps.product.migration.domain.PrepareLegacyMigration;
import java.time.Clock;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * An account was opened: prepare its legacy migration with the old CPS e-mail it gave (if any). Runs inside the
 * inbox transaction; the command is idempotent on the aggregate, so a redelivery changes nothing either way.
 */
@Component
class WhenAccountOpenedThenPrepareLegacyMigration implements EventInbox.Handler<AccountOpened> {

    private final CommandGateway commands;
    private final Clock clock;

    WhenAccountOpenedThenPrepareLegacyMigration(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<AccountOpened> event) {
        AccountOpened opened = event.data();
        if (opened.accountId() == null || opened.accountId().isBlank()) {
            throw new IllegalArgumentException("AccountOpened without accountId");
        }
        String legacyEmail =
                opened.legacyCpsEmail() == null || opened.legacyCpsEmail().isBlank()
                        ? null
                        : opened.legacyCpsEmail().trim().toLowerCase(Locale.ROOT);
        commands.sendAndWait(new PrepareLegacyMigration(
                LegacyMigration.idFor(opened.accountId()),
                opened.accountId(),
                legacyEmail,
                opened.openedAt() != null ? opened.openedAt() : clock.instant()));
    }
}

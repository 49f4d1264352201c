package com.canon.cps.points.ledger.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.ledger.domain.RecordProductRegistration;
import com.canon.cps.product.contract.ProductRegistered;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** A product was registered: the ledger tracks it, and counts it at once when it is complete (e.g. migrated). */
@Component
class WhenProductRegisteredThenRecordRegistration implements EventInbox.Handler<ProductRegistered> {

    private final CommandGateway commands;
    private final Clock clock;

    WhenProductRegisteredThenRecordRegistration(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<ProductRegistered> event) {
        ProductRegistered e = event.data();
        ProductEventChecks.require(e.accountId(), e.productId(), e.points());
        commands.sendAndWait(new RecordProductRegistration(
                e.accountId(), e.productId(), e.modelCode(), e.points(), e.complete(), e.migrated(), clock.instant()));
    }
}

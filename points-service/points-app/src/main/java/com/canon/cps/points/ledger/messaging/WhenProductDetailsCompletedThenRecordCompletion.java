package com.canon.cps.points.ledger.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.ledger.domain.RecordProductCompletion;
import com.canon.cps.product.contract.ProductDetailsCompleted;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** A registration became complete: its points count (once). */
@Component
class WhenProductDetailsCompletedThenRecordCompletion implements EventInbox.Handler<ProductDetailsCompleted> {

    private final CommandGateway commands;
    private final Clock clock;

    WhenProductDetailsCompletedThenRecordCompletion(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<ProductDetailsCompleted> event) {
        ProductDetailsCompleted e = event.data();
        ProductEventChecks.require(e.accountId(), e.productId(), e.points());
        commands.sendAndWait(
                new RecordProductCompletion(e.accountId(), e.productId(), e.modelCode(), e.points(), clock.instant()));
    }
}

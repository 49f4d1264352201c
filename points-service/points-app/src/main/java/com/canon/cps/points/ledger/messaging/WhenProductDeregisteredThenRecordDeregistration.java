package com.canon.cps.points.ledger.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.ledger.domain.RecordProductDeregistration;
import com.canon.cps.product.contract.ProductDeregistered;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** A registration was removed: its points, if they counted, leave the balance, and it never counts again. */
@Component
class WhenProductDeregisteredThenRecordDeregistration implements EventInbox.Handler<ProductDeregistered> {

    private final CommandGateway commands;
    private final Clock clock;

    WhenProductDeregisteredThenRecordDeregistration(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(InboundEvent<ProductDeregistered> event) {
        ProductDeregistered e = event.data();
        ProductEventChecks.require(e.accountId(), e.productId(), e.points());
        commands.sendAndWait(new RecordProductDeregistration(
                e.accountId(), e.productId(), e.modelCode(), e.points(), clock.instant()));
    }
}

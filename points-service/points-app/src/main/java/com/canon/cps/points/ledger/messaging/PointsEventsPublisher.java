package com.canon.cps.points.ledger.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import com.canon.cps.points.ledger.domain.InvitationThresholdReached;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.canon.cps.points.ledger.domain.ProductRemovedFromLedger;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Ledger events to the published contract of {@code cps.points.events} (key = account id): every change of the
 * balance with its reason (a reason missing in a ledger event stored before reasons existed is published as null), and
 * the threshold. Products tracked or removed without counting leave the balance as it was and are not
 * published.
 */
@Component
class PointsEventsPublisher implements ContractEventMapper {

    /** The reason of a change that removed a counted product's points. */
    static final String DEREGISTERED = "PRODUCT_DEREGISTERED";

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ProductPointsCounted e) {
            return Optional.of(new OutboundEvent(
                    PointsBalanceChanged.TYPE,
                    e.accountId(),
                    new PointsBalanceChanged(
                            e.accountId(),
                            e.balance(),
                            e.completeProductCount(),
                            e.at(),
                            e.points(),
                            e.reason(),
                            e.productId(),
                            e.modelCode())));
        }
        if (payload instanceof ProductRemovedFromLedger e && e.wasCounted()) {
            return Optional.of(new OutboundEvent(
                    PointsBalanceChanged.TYPE,
                    e.accountId(),
                    new PointsBalanceChanged(
                            e.accountId(),
                            e.balance(),
                            e.completeProductCount(),
                            e.at(),
                            -e.points(),
                            DEREGISTERED,
                            e.productId(),
                            e.modelCode())));
        }
        if (payload instanceof InvitationThresholdReached e) {
            return Optional.of(new OutboundEvent(
                    PointsThresholdReached.TYPE,
                    e.accountId(),
                    new PointsThresholdReached(e.accountId(), e.threshold(), e.balance(), e.at())));
        }
        return Optional.empty();
    }
}

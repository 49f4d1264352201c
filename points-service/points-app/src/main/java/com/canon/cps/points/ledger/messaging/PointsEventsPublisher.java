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
 * balance, and the threshold. Products tracked or removed without counting leave the balance as it was and are not
 * published.
 */
@Component
class PointsEventsPublisher implements ContractEventMapper {

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ProductPointsCounted e) {
            return Optional.of(changed(e.accountId(), e.balance(), e.completeProductCount(), e.at()));
        }
        if (payload instanceof ProductRemovedFromLedger e && e.wasCounted()) {
            return Optional.of(changed(e.accountId(), e.balance(), e.completeProductCount(), e.at()));
        }
        if (payload instanceof InvitationThresholdReached e) {
            return Optional.of(new OutboundEvent(
                    PointsThresholdReached.TYPE,
                    e.accountId(),
                    new PointsThresholdReached(e.accountId(), e.threshold(), e.balance(), e.at())));
        }
        return Optional.empty();
    }

    private static OutboundEvent changed(String accountId, int balance, int completeProducts, java.time.Instant at) {
        return new OutboundEvent(
                PointsBalanceChanged.TYPE,
                accountId,
                new PointsBalanceChanged(accountId, balance, completeProducts, at));
    }
}

package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.contract.Money;
import com.canon.cps.membership.subscription.domain.AutoRenewalChanged;
import com.canon.cps.membership.subscription.domain.MembershipActivated;
import com.canon.cps.membership.subscription.domain.MembershipExpired;
import com.canon.cps.membership.subscription.domain.MembershipInvited;
import com.canon.cps.membership.subscription.domain.MembershipReactivated;
import com.canon.cps.membership.subscription.domain.MembershipRenewed;
import com.canon.cps.membership.subscription.domain.MembershipSuspended;
import com.canon.cps.membership.subscription.domain.NextTierChanged;
import com.canon.cps.membership.subscription.domain.PaymentCardChangeRequested;
import com.canon.cps.membership.subscription.domain.PaymentMethod;
import com.canon.cps.membership.subscription.domain.SubscriptionOrdered;
import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps the membership's internal events to the published contract on {@code cps.membership.events} (key = account
 * id). The recorded market and points balance are inputs from other services and stay inside.
 */
@Component
class MembershipEventsPublisher implements ContractEventMapper {

    static final String UNPAID_INVOICE = "UNPAID_INVOICE";

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> event) {
        return toContract(event.getPayload());
    }

    static Optional<OutboundEvent> toContract(Object payload) {
        if (payload instanceof MembershipInvited e) {
            return out(
                    com.canon.cps.membership.contract.MembershipInvited.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipInvited(e.accountId(), e.points(), e.invitedAt()));
        }
        if (payload instanceof SubscriptionOrdered e) {
            return out(
                    com.canon.cps.membership.contract.SubscriptionOrdered.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.SubscriptionOrdered(
                            e.accountId(),
                            e.subscriptionId(),
                            e.tier(),
                            new Money(e.price().amount(), e.price().currency()),
                            e.term(),
                            e.termStartsOn(),
                            e.autoRenew(),
                            e.purchaseOrderNumber(),
                            e.termsVersion(),
                            e.paymentMethod().name(),
                            e.cardTokenReference(),
                            e.renewal(),
                            e.orderedAt()));
        }
        if (payload instanceof MembershipActivated e) {
            return out(
                    com.canon.cps.membership.contract.MembershipActivated.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipActivated(
                            e.accountId(),
                            e.membershipNumber(),
                            e.tier(),
                            e.startsOn(),
                            e.expiresOn(),
                            e.autoRenew(),
                            e.activatedAt()));
        }
        if (payload instanceof AutoRenewalChanged e) {
            return out(
                    com.canon.cps.membership.contract.AutoRenewalChanged.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.AutoRenewalChanged(
                            e.accountId(), e.membershipNumber(), e.autoRenew(), e.changedAt()));
        }
        if (payload instanceof MembershipRenewed e) {
            return out(
                    com.canon.cps.membership.contract.MembershipRenewed.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipRenewed(
                            e.accountId(), e.membershipNumber(), e.tier(), e.startsOn(), e.expiresOn(), e.renewedAt()));
        }
        if (payload instanceof MembershipExpired e) {
            return out(
                    com.canon.cps.membership.contract.MembershipExpired.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipExpired(
                            e.accountId(), e.membershipNumber(), e.expiredOn(), e.expiredAt()));
        }
        if (payload instanceof NextTierChanged e) {
            return out(
                    com.canon.cps.membership.contract.NextTierChanged.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.NextTierChanged(
                            e.accountId(), e.membershipNumber(), e.tier(), e.nextTier(), e.changedAt()));
        }
        if (payload instanceof PaymentCardChangeRequested e) {
            return out(
                    com.canon.cps.membership.contract.PaymentMethodChangeRequested.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.PaymentMethodChangeRequested(
                            e.accountId(),
                            e.membershipNumber(),
                            e.requestId(),
                            PaymentMethod.CARD.name(),
                            e.cardToken(),
                            e.currency(),
                            e.requestedAt()));
        }
        if (payload instanceof MembershipSuspended e) {
            return out(
                    com.canon.cps.membership.contract.MembershipSuspended.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipSuspended(
                            e.accountId(),
                            e.membershipNumber(),
                            e.invoiceId(),
                            e.invoiceNumber(),
                            UNPAID_INVOICE,
                            e.suspendedOn(),
                            e.suspendedAt()));
        }
        if (payload instanceof MembershipReactivated e) {
            return out(
                    com.canon.cps.membership.contract.MembershipReactivated.TYPE,
                    e.accountId(),
                    new com.canon.cps.membership.contract.MembershipReactivated(
                            e.accountId(), e.membershipNumber(), e.invoiceId(), e.reason(), e.reactivatedAt()));
        }
        // the recorded card, and invoices added to or settled within a running suspension, stay inside
        return Optional.empty();
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }
}

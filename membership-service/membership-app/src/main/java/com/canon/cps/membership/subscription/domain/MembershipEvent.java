package com.canon.cps.membership.subscription.domain;

/** Internal events of a membership; they never leave the service (the publisher maps them to contracts). */
sealed interface MembershipEvent
        permits MarketRecorded,
                PointsBalanceRecorded,
                MembershipInvited,
                SubscriptionOrdered,
                MembershipActivated,
                AutoRenewalChanged,
                MembershipRenewed,
                MembershipExpired,
                NextTierChanged,
                PaymentCardChangeRequested,
                PaymentCardRecorded,
                MembershipSuspended,
                UnpaidInvoiceAdded,
                UnpaidInvoiceSettled,
                MembershipReactivated,
                MembershipErased {

    String accountId();
}

package com.canon.cps.notification;

import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.membership.events}: the CPS invitation, the activated membership (number, tier, expiry), the
 * upcoming renewal (a renewal term was ordered; a first order needs nothing, its activation is announced), the
 * expired membership, and the membership suspended for an unpaid invoice and active again, each as an e-mail in the
 * account's language and a bell entry, at most once per source event. The recipient is known from the account's
 * application; should a membership event ever overtake it, the handler fails and the record is retried (then
 * dead-lettered for an operator to re-drive).
 */
@Configuration(proxyBeanMethods = false)
class WhenMembershipEventThenNotify {

    static final String INVITATION = "cps-invitation";
    static final String ACTIVATED = "membership-activated";
    static final String RENEWAL_UPCOMING = "renewal-upcoming";
    static final String EXPIRED = "membership-expired";
    static final String SUSPENDED = "membership-suspended";
    static final String REACTIVATED = "membership-reactivated";

    @Bean
    Consumer<Message<byte[]>> membershipEvents(EventInbox inbox, Notifications notifications, PortalLinks links) {
        return inbox.consumer("membershipEvents")
                .on(
                        MembershipInvited.TYPE,
                        MembershipInvited.class,
                        event -> notifications.notify(
                                event.id(),
                                INVITATION,
                                event.data().accountId(),
                                event.data().points(),
                                links.subscriptions(),
                                links.products()))
                .on(MembershipActivated.TYPE, MembershipActivated.class, event -> {
                    MembershipActivated a = event.data();
                    notifications.notify(
                            event.id(),
                            ACTIVATED,
                            a.accountId(),
                            tierName(a.tier()),
                            a.membershipNumber(),
                            a.expiresOn(),
                            links.subscriptions());
                })
                .on(SubscriptionOrdered.TYPE, SubscriptionOrdered.class, event -> {
                    SubscriptionOrdered o = event.data();
                    if (o.renewal()) {
                        notifications.notify(
                                event.id(),
                                RENEWAL_UPCOMING,
                                o.accountId(),
                                tierName(o.tier()),
                                o.termStartsOn(),
                                links.subscriptions());
                    }
                })
                .on(MembershipSuspended.TYPE, MembershipSuspended.class, event -> {
                    MembershipSuspended e = event.data();
                    notifications.notify(
                            event.id(),
                            SUSPENDED,
                            e.accountId(),
                            e.membershipNumber(),
                            e.invoiceNumber(),
                            links.invoice(e.invoiceId()));
                })
                .on(MembershipReactivated.TYPE, MembershipReactivated.class, event -> {
                    MembershipReactivated e = event.data();
                    notifications.notify(
                            event.id(), REACTIVATED, e.accountId(), e.membershipNumber(), links.subscriptions());
                })
                .on(MembershipExpired.TYPE, MembershipExpired.class, event -> {
                    MembershipExpired e = event.data();
                    notifications.notify(
                            event.id(),
                            EXPIRED,
                            e.accountId(),
                            e.membershipNumber(),
                            e.expiredOn(),
                            links.subscriptions());
                })
                .build();
    }

    /** {@code SILVER} → {@code Silver}, {@code BUSINESS_A} → {@code Business A}: the contract carries codes only. */
    static String tierName(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : (code == null ? "" : code).toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }
}

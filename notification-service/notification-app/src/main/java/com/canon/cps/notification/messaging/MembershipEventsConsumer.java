package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.membership.events} (binding {@code membershipEvents-in-0}): the CPS invitation, the activated membership (number,
 * tier, expiry), the upcoming renewal, the expired membership, and the membership suspended for an unpaid invoice and
 * active again, each as an e-mail in the account's language and a bell entry, at most once per source event. The
 * recipient is known from the account's application; should a membership event ever overtake it, the handler fails
 * and the record is retried (then dead-lettered for an operator to re-drive).
 */
@Configuration(proxyBeanMethods = false)
class MembershipEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> membershipEvents(
            EventInbox inbox,
            WhenMembershipInvitedThenSendInvitation invited,
            WhenMembershipActivatedThenAnnounceMembership activated,
            WhenSubscriptionOrderedThenAnnounceRenewal ordered,
            WhenMembershipSuspendedThenTellUnpaidInvoice suspended,
            WhenMembershipReactivatedThenAnnounceReactivation reactivated,
            WhenMembershipExpiredThenAnnounceExpiry expired) {
        return inbox.consumer("membershipEvents")
                .on(MembershipInvited.TYPE, MembershipInvited.class, invited)
                .on(MembershipActivated.TYPE, MembershipActivated.class, activated)
                .on(SubscriptionOrdered.TYPE, SubscriptionOrdered.class, ordered)
                .on(MembershipSuspended.TYPE, MembershipSuspended.class, suspended)
                .on(MembershipReactivated.TYPE, MembershipReactivated.class, reactivated)
                .on(MembershipExpired.TYPE, MembershipExpired.class, expired)
                .build();
    }
}

package com.canon.cps.membership.subscription.upcasting;

import com.canon.cps.platform.eventstore.RenamedEventTypes;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The feature package {@code com.canon.cps.membership.membership} became {@code
 * com.canon.cps.membership.subscription}: events and snapshots stored before are read under the new package, revision
 * and payload unchanged. Runs first, so that the upcasters of later changes see today's type names only. (Stored
 * deadlines hold no class names; Axon's dead letters are renamed by the migration {@code
 * V120__subscription_package}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RenameMembershipPackageToSubscriptionUpcaster extends RenamedEventTypes {

    static final String OLD_PACKAGE = "com.canon.cps.membership.membership.";
    static final String NEW_PACKAGE = "com.canon.cps.membership.subscription.";

    RenameMembershipPackageToSubscriptionUpcaster() {
        super(Map.of(OLD_PACKAGE, NEW_PACKAGE));
    }
}

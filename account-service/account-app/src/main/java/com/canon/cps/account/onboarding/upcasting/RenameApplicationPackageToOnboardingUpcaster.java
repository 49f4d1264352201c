package com.canon.cps.account.onboarding.upcasting;

import com.canon.cps.platform.eventstore.RenamedEventTypes;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The feature package {@code com.canon.cps.account.application} became {@code com.canon.cps.account.onboarding}
 * (it read as a hexagonal application layer): events stored before are read under the new package, revision and
 * payload unchanged (their personal data stays encrypted as stored: the data keys are per account and scope, not per
 * class). Runs first, so that the upcasters of later changes see today's type names only. The account stores no
 * deadlines and no snapshots; Axon's dead letters are renamed by the migration {@code V107__onboarding_package}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RenameApplicationPackageToOnboardingUpcaster extends RenamedEventTypes {

    static final String OLD_PACKAGE = "com.canon.cps.account.application.";
    static final String NEW_PACKAGE = "com.canon.cps.account.onboarding.";

    RenameApplicationPackageToOnboardingUpcaster() {
        super(Map.of(OLD_PACKAGE, NEW_PACKAGE));
    }
}

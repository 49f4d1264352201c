package com.canon.cps.account.onboarding.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verification's news about an account erased meanwhile (GDPR Art. 17) has nothing left to act on: the account would
 * refuse it (rule {@code ERASED}), the record would be retried and dead-lettered with whatever it carries about the
 * member. The policies ask here first and consume such a record without a command. Read from the event store in the
 * inbox transaction, so it holds from the moment {@code AccountErased} is stored.
 */
@Component
class ErasedAccounts {

    /** The stored type name of {@code AccountErased}, as a literal: renaming the class must break this, visibly. */
    static final String STORED_TYPE = "com.canon.cps.account.onboarding.domain.AccountErased";

    /**
     * The type name {@code AccountErased} was stored under before the feature package {@code application} became
     * {@code onboarding} (stored events keep their type names; see
     * {@code RenameApplicationPackageToOnboardingUpcaster}).
     */
    static final String STORED_TYPE_BEFORE_ONBOARDING = "com.canon.cps.account.application.domain.AccountErased";

    private static final Logger log = LoggerFactory.getLogger(ErasedAccounts.class);

    private final JdbcTemplate jdbc;

    ErasedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code accountId} was erased; logs that {@code what} is ignored if so. */
    boolean ignoring(String accountId, String what) {
        boolean erased = !jdbc.queryForList(
                        "SELECT 1 FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype IN (?, ?) LIMIT 1",
                        Integer.class,
                        accountId,
                        STORED_TYPE,
                        STORED_TYPE_BEFORE_ONBOARDING)
                .isEmpty();
        if (erased) {
            log.info("Ignored {} for erased account {}", what, accountId);
        }
        return erased;
    }
}

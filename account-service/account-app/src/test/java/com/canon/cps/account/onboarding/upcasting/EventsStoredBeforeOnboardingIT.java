package com.canon.cps.account.onboarding.upcasting;

import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.platform.test.HttpTestClient;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events stored while the feature package was still {@code com.canon.cps.account.application} load under
 * {@code com.canon.cps.account.onboarding}: their personal data still decrypts, and the account still takes commands.
 * The test stores an application as today, renames its stored type names back to the old package (as rows written
 * before the rename hold them), and reads it again from the event store, past the aggregate cache.
 */
@AccountServiceTest
class EventsStoredBeforeOnboardingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore events;

    @Autowired
    @Qualifier("aggregateCache")
    Cache aggregateCache;

    @Test
    void anApplicationStoredUnderTheOldPackage_loadsDecrypted_andTheAccountStillOpens() {
        AccountJourney journey = new AccountJourney(new HttpTestClient("http://127.0.0.1:" + port));
        String email = uniqueEmail("onb-" + UUID.randomUUID().toString().substring(0, 8));
        String accountId = journey.apply(email, "en");

        int renamed = jdbc.update(
                "UPDATE domainevententry SET payloadtype = 'com.canon.cps.account.application.'"
                        + " || substr(payloadtype, length('com.canon.cps.account.onboarding.') + 1)"
                        + " WHERE aggregateidentifier = ? AND payloadtype LIKE 'com.canon.cps.account.onboarding.%'",
                accountId);
        assertThat(renamed).isPositive();
        assertThat(jdbc.queryForList(
                        "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?",
                        String.class,
                        accountId))
                .contains("com.canon.cps.account.application.domain.AccountApplicationSubmitted");
        aggregateCache.remove(accountId);

        List<? extends DomainEventMessage<?>> stored =
                events.readEvents(accountId).asStream().toList();
        assertThat(stored).isNotEmpty();
        assertThat(stored.get(0).getPayload()).isInstanceOf(AccountApplicationSubmitted.class);
        AccountApplicationSubmitted submitted =
                (AccountApplicationSubmitted) stored.get(0).getPayload();
        assertThat(submitted.contactEmail()).isEqualTo(email);
        assertThat(submitted.contactName()).isEqualTo("Ada Lumen");
        assertThat(submitted.companyName()).isEqualTo("Lumen Studio Ltd");

        // the aggregate is sourced from the renamed rows: verification's approval still opens the account
        assertThat(journey.verifyAndGetToken(accountId)).isNotBlank();
    }
}

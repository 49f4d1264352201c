package com.canon.cps.account.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessAccountTest {

    private static final Instant SUBMITTED = Instant.parse("2025-12-24T10:00:00Z");

    private FixtureConfiguration<BusinessAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessAccount.class);
    }

    @Test
    void givenNoAccount_whenApplyForBusinessAccount_thenAccountApplicationSubmitted() {
        fixture.givenNoPriorActivity()
                .when(apply("acc-1", true, "GB980780684", "ada.old@lumen.example"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountApplicationSubmitted(
                        "acc-1",
                        "Lumen Studio Ltd",
                        new PostalAddress("1 High St", "SW1A 1AA", "London", "GB"),
                        "Ada Lumen",
                        "ada@lumen.example",
                        "en",
                        true,
                        "GB980780684",
                        List.of("doc-1"),
                        "ada.old@lumen.example",
                        SUBMITTED))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION));
    }

    @Test
    void givenNoAccount_whenNotVatLiableBusinessApplies_thenSubmittedWithoutVatIdOrLegacyEmail() {
        fixture.givenNoPriorActivity()
                .when(apply("acc-2", false, null, null))
                .expectEvents(new AccountApplicationSubmitted(
                        "acc-2",
                        "Lumen Studio Ltd",
                        new PostalAddress("1 High St", "SW1A 1AA", "London", "GB"),
                        "Ada Lumen",
                        "ada@lumen.example",
                        "en",
                        false,
                        null,
                        List.of("doc-1"),
                        null,
                        SUBMITTED));
    }

    private static ApplyForBusinessAccount apply(String accountId, boolean vatLiable, String vatId, String legacy) {
        return new ApplyForBusinessAccount(
                accountId,
                "Lumen Studio Ltd",
                new PostalAddress("1 High St", "SW1A 1AA", "London", "GB"),
                "Ada Lumen",
                "ada@lumen.example",
                "en",
                vatLiable,
                vatId,
                List.of("doc-1"),
                legacy,
                SUBMITTED);
    }
}

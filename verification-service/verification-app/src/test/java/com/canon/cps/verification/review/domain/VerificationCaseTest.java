package com.canon.cps.verification.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerificationCaseTest {

    private static final Instant SUBMITTED = Instant.parse("2025-12-24T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-12-30T23:59:59.999999999Z");

    private FixtureConfiguration<VerificationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VerificationCase.class);
    }

    @Test
    void givenNoCase_whenOpenVerificationCase_thenVerificationCaseOpenedAndInReview() {
        String caseId = VerificationCase.caseIdFor("acc-1");

        fixture.givenNoPriorActivity()
                .when(new OpenVerificationCase(
                        caseId,
                        "acc-1",
                        "Lumen Studio Ltd",
                        "GB",
                        true,
                        "GB980780684",
                        List.of("doc-1"),
                        SUBMITTED,
                        DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VerificationCaseOpened(
                        caseId,
                        "acc-1",
                        "Lumen Studio Ltd",
                        "GB",
                        true,
                        "GB980780684",
                        List.of("doc-1"),
                        SUBMITTED,
                        DEADLINE))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW));
    }

    @Test
    void givenAnyAccount_whenCaseIdDerived_thenStableAndDistinctPerAccount() {
        assertThat(VerificationCase.caseIdFor("acc-1"))
                .isEqualTo(VerificationCase.caseIdFor("acc-1"))
                .isNotEqualTo(VerificationCase.caseIdFor("acc-2"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}

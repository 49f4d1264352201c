package com.canon.cps.account.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.onboarding.domain.AccountRuleViolation.Rule;
import com.canon.cps.platform.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasure (GDPR Art. 17): from any state to ERASED, after which every command is refused. */
class BusinessAccountErasureTest {

    private static final String ID = "acc-1";
    private static final String ERASED = PersonalData.ERASED;
    private static final Instant SUBMITTED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant VERIFIED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant ERASED_AT = Instant.parse("2026-12-07T03:00:00Z");

    private FixtureConfiguration<BusinessAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessAccount.class);
    }

    @Test
    void givenActiveAccount_whenEraseAccount_thenAccountErased_andTheAccountIsErased() {
        fixture.given(active("Lumen Studio Ltd", "ada@lumen.example"))
                .when(new EraseAccount(ID, "member", "I close my business", ERASED_AT))
                .expectEvents(new AccountErased(ID, "member", "I close my business", ERASED_AT))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.ERASED));
    }

    @Test
    void givenPendingOrRejectedApplication_whenEraseAccount_thenErasedToo() {
        fixture.given(submitted("Lumen Studio Ltd", "ada@lumen.example"))
                .when(new EraseAccount(ID, "operator:op-1", "by letter", ERASED_AT))
                .expectEvents(new AccountErased(ID, "operator:op-1", "by letter", ERASED_AT));
        fixture = new AggregateTestFixture<>(BusinessAccount.class);
        fixture.given(
                        submitted("Lumen Studio Ltd", "ada@lumen.example"),
                        new AccountRejected(ID, "case-1", "no evidence", VERIFIED))
                .when(new EraseAccount(ID, "operator:op-1", "by letter", ERASED_AT))
                .expectEvents(new AccountErased(ID, "operator:op-1", "by letter", ERASED_AT));
    }

    /**
     * The events as they read once the key is destroyed: every personal string is "[erased]" (the country stays), and
     * the account still loads and refuses each command with the ERASED rule, not with an error of its own.
     */
    @Test
    void givenErasedAccountReadWithErasedValues_whenAnyCommand_thenRefusedAsErased() {
        List<Object> commands = List.of(
                new EraseAccount(ID, "member", "again", ERASED_AT),
                new OpenAccount(ID, "case-1", "REGISTRY_POLICY", ERASED_AT, "issue-2", ERASED_AT.plusSeconds(60)),
                new RejectAccount(ID, "case-1", "late", ERASED_AT),
                new ChangePassword(ID, ERASED_AT),
                new ReissuePasswordSetup(ID, "issue-3", ERASED_AT, ERASED_AT.plusSeconds(60)),
                new IssuePasswordReset(ID, "reset-1", ERASED_AT, ERASED_AT.plusSeconds(3600), Duration.ofMinutes(5)),
                new ChangeAccountDetails(
                        ID, "Eve", "de", new PostalAddress("2 Low St", "SW1A 2AA", "London", "GB"), ERASED_AT),
                new ActivateAccount(ID, "issue-1", ERASED_AT, null));
        for (Object command : commands) {
            fixture = new AggregateTestFixture<>(BusinessAccount.class);
            List<Object> history = new java.util.ArrayList<>(active(ERASED, ERASED));
            history.add(new AccountErased(ID, "member", ERASED, ERASED_AT));
            fixture.given(history)
                    .when(command)
                    .expectException(rule(Rule.ERASED))
                    .expectNoEvents();
        }
    }

    private static List<Object> active(String companyName, String email) {
        return List.of(
                submitted(companyName, email),
                new AccountOpened(ID, "case-1", "REGISTRY_POLICY", companyName, "GB", "en", email, VERIFIED),
                new PasswordSetupIssued(ID, "issue-1", email, "en", VERIFIED, VERIFIED.plusSeconds(3600)),
                new AccountActivated(ID, "issue-1", VERIFIED.plusSeconds(30)));
    }

    private static AccountApplicationSubmitted submitted(String companyName, String email) {
        String street = email.equals(ERASED) ? ERASED : "1 High St";
        return new AccountApplicationSubmitted(
                ID,
                companyName,
                new PostalAddress(street, street, street, "GB"),
                email.equals(ERASED) ? ERASED : "Ada Lumen",
                email,
                "en",
                true,
                email.equals(ERASED) ? ERASED : "GB980780684",
                List.of("doc-1"),
                email,
                SUBMITTED);
    }

    private static Matcher<AccountRuleViolation> rule(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(AccountRuleViolation violation) {
                return violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an AccountRuleViolation of rule " + rule);
            }
        };
    }
}

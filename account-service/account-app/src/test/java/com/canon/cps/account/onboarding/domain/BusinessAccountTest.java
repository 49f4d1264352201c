package com.canon.cps.account.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import com.canon.cps.account.onboarding.domain.AccountRuleViolation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessAccountTest {

    private static final Instant SUBMITTED = Instant.parse("2025-12-24T10:00:00Z");
    private static final Instant VERIFIED = Instant.parse("2025-12-29T09:00:00Z");
    private static final Instant EXPIRES = VERIFIED.plus(Duration.ofHours(72));
    private static final String ID = "acc-1";
    private static final Instant RESET_REQUESTED = Instant.parse("2026-02-02T08:00:00Z");
    private static final Duration RESET_TTL = Duration.ofHours(1);
    private static final Duration RESET_INTERVAL = Duration.ofMinutes(5);

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

    // ---- verification outcomes ------------------------------------------------------------------------------------

    @Test
    void givenPendingApplication_whenOpenAccount_thenAccountOpenedAndExactlyOneSetupLinkIssued() {
        fixture.given(submitted())
                .when(open("issue-1"))
                .expectEvents(
                        new AccountOpened(
                                ID,
                                "case-1",
                                "OPERATOR",
                                "Lumen Studio Ltd",
                                "GB",
                                "en",
                                "ada.old@lumen.example",
                                VERIFIED),
                        new PasswordSetupIssued(ID, "issue-1", "ada@lumen.example", "en", VERIFIED, EXPIRES))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.VERIFIED));
    }

    @Test
    void givenInfoRequested_whenOpenAccount_thenOpened() {
        fixture.given(submitted(), infoRequested())
                .when(open("issue-1"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(AccountOpened.class), instanceOf(PasswordSetupIssued.class), andNoMore())));
    }

    @Test
    void givenOpenedAccount_whenOpenAccountAgain_thenNothingHappens_noSecondSetupLink() {
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(open("issue-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenActiveAccount_whenOpenAccountAgain_thenNothingHappens() {
        fixture.given(submitted(), opened(), issued("issue-1"), activated())
                .when(open("issue-2"))
                .expectNoEvents()
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE));
    }

    @Test
    void givenVerifiedAccount_whenReissuePasswordSetup_thenANewLinkReplacesTheOldOne() {
        Instant later = VERIFIED.plus(Duration.ofDays(5));
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new ReissuePasswordSetup(ID, "issue-2", later, later.plus(Duration.ofHours(72))))
                .expectEvents(new PasswordSetupIssued(
                        ID, "issue-2", "ada@lumen.example", "en", later, later.plus(Duration.ofHours(72))));
        fixture.given(
                        submitted(),
                        opened(),
                        issued("issue-1"),
                        new PasswordSetupIssued(ID, "issue-2", "ada@lumen.example", "en", VERIFIED, EXPIRES))
                .when(new ActivateAccount(ID, "issue-1", VERIFIED.plusSeconds(60), null))
                .expectException(rule(Rule.UNKNOWN_SETUP_LINK));
    }

    @Test
    void givenActiveOrPendingOrRejectedAccount_whenReissuePasswordSetup_thenRefused() {
        ReissuePasswordSetup reissue = new ReissuePasswordSetup(ID, "issue-2", VERIFIED, EXPIRES);
        fixture.given(submitted(), opened(), issued("issue-1"), activated())
                .when(reissue)
                .expectException(rule(Rule.ALREADY_ACTIVE))
                .expectNoEvents();
        fixture.given(submitted())
                .when(reissue)
                .expectException(rule(Rule.NOT_VERIFIED))
                .expectNoEvents();
        fixture.given(submitted(), rejected())
                .when(reissue)
                .expectException(rule(Rule.NOT_VERIFIED))
                .expectNoEvents();
    }

    @Test
    void givenRejectedAccount_whenOpenAccount_thenRefused() {
        fixture.given(submitted(), rejected())
                .when(open("issue-1"))
                .expectException(AccountRuleViolation.class)
                .expectException(rule(Rule.ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void givenPendingApplication_whenRejectAccount_thenAccountRejectedWithReason() {
        fixture.given(submitted())
                .when(new RejectAccount(ID, "case-1", "The document does not show the company name", VERIFIED))
                .expectEvents(
                        new AccountRejected(ID, "case-1", "The document does not show the company name", VERIFIED))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.REJECTED));
    }

    @Test
    void givenInfoRequested_whenRejectAccount_thenRejected() {
        fixture.given(submitted(), infoRequested())
                .when(new RejectAccount(ID, "case-1", "No answer", VERIFIED))
                .expectEvents(new AccountRejected(ID, "case-1", "No answer", VERIFIED));
    }

    @Test
    void givenRejectedAccount_whenRejectAgain_thenNothingHappens() {
        fixture.given(submitted(), rejected())
                .when(new RejectAccount(ID, "case-1", "again", VERIFIED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOpenedAccount_whenRejectAccount_thenRefused() {
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new RejectAccount(ID, "case-1", "too late", VERIFIED))
                .expectException(rule(Rule.ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void givenPendingApplication_whenRequestAccountInfo_thenInfoRequestedWithReason() {
        fixture.given(submitted())
                .when(new RequestAccountInfo(ID, "case-1", "Please send a newer invoice", VERIFIED))
                .expectEvents(new AccountInfoRequested(ID, "case-1", "Please send a newer invoice", VERIFIED))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.INFO_REQUESTED));
    }

    @Test
    void givenInfoRequested_whenRequestAccountInfoAgain_thenAnotherRequest() {
        fixture.given(submitted(), infoRequested())
                .when(new RequestAccountInfo(ID, "case-1", "Still unreadable", VERIFIED))
                .expectEvents(new AccountInfoRequested(ID, "case-1", "Still unreadable", VERIFIED));
    }

    @Test
    void givenRejectedOrOpenedAccount_whenRequestAccountInfo_thenRefused() {
        fixture.given(submitted(), rejected())
                .when(new RequestAccountInfo(ID, "case-1", "?", VERIFIED))
                .expectException(rule(Rule.ALREADY_DECIDED));
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new RequestAccountInfo(ID, "case-1", "?", VERIFIED))
                .expectException(rule(Rule.ALREADY_DECIDED))
                .expectNoEvents();
    }

    // ---- password setup ---------------------------------------------------------------------------------------------

    @Test
    void givenVerifiedAccount_whenActivateWithItsSetupLinkInTime_thenAccountActivated() {
        Instant justInTime = EXPIRES.minusMillis(1);
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new ActivateAccount(ID, "issue-1", justInTime, null))
                .expectEvents(new AccountActivated(ID, "issue-1", justInTime))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE));
    }

    @Test
    void givenPendingOrInfoRequestedApplication_whenActivate_thenRefused_noPasswordBeforeApproval() {
        fixture.given(submitted())
                .when(new ActivateAccount(ID, "issue-1", VERIFIED, null))
                .expectException(rule(Rule.NOT_VERIFIED))
                .expectNoEvents();
        fixture.given(submitted(), infoRequested())
                .when(new ActivateAccount(ID, "issue-1", VERIFIED, null))
                .expectException(rule(Rule.NOT_VERIFIED))
                .expectNoEvents();
    }

    @Test
    void givenRejectedAccount_whenActivate_thenRefused() {
        fixture.given(submitted(), rejected())
                .when(new ActivateAccount(ID, "issue-1", VERIFIED, null))
                .expectException(rule(Rule.NOT_VERIFIED))
                .expectNoEvents();
    }

    @Test
    void givenVerifiedAccount_whenActivateWithAnotherSetupLink_thenRefused() {
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new ActivateAccount(ID, "issue-other", VERIFIED, null))
                .expectException(rule(Rule.UNKNOWN_SETUP_LINK))
                .expectNoEvents();
    }

    @Test
    void givenVerifiedAccount_whenActivateAtOrAfterExpiry_thenRefused() {
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new ActivateAccount(ID, "issue-1", EXPIRES, null))
                .expectException(rule(Rule.SETUP_LINK_EXPIRED))
                .expectNoEvents();
    }

    @Test
    void givenActiveAccount_whenActivateAgain_thenRefused_theLinkIsSingleUse() {
        fixture.given(submitted(), opened(), issued("issue-1"), activated())
                .when(new ActivateAccount(ID, "issue-1", VERIFIED.plusSeconds(60), null))
                .expectException(rule(Rule.ALREADY_ACTIVE))
                .expectNoEvents();
    }

    // ---- password reset ---------------------------------------------------------------------------------------------

    @Test
    void givenActiveAccount_whenIssuePasswordReset_thenResetLinkIssuedToTheContact() {
        fixture.given(active())
                .when(resetRequested("reset-1", RESET_REQUESTED))
                .expectResultMessagePayload(true)
                .expectEvents(resetIssued("reset-1", RESET_REQUESTED));
    }

    @Test
    void givenNotYetActiveOrRejectedAccount_whenIssuePasswordReset_thenRefused_noResetBeforeApproval() {
        fixture.given(submitted())
                .when(resetRequested("reset-1", RESET_REQUESTED))
                .expectException(rule(Rule.NOT_ACTIVE))
                .expectNoEvents();
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(resetRequested("reset-1", RESET_REQUESTED))
                .expectException(rule(Rule.NOT_ACTIVE))
                .expectNoEvents();
        fixture.given(submitted(), rejected())
                .when(resetRequested("reset-1", RESET_REQUESTED))
                .expectException(rule(Rule.NOT_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void givenResetIssuedWithinTheInterval_whenIssuePasswordResetAgain_thenNothingChanges() {
        fixture.given(activeWith(resetIssued("reset-1", RESET_REQUESTED)))
                .when(resetRequested(
                        "reset-2", RESET_REQUESTED.plus(RESET_INTERVAL).minusMillis(1)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void givenResetIssuedBeforeTheInterval_whenIssuePasswordResetAgain_thenANewLinkReplacesIt() {
        Instant later = RESET_REQUESTED.plus(RESET_INTERVAL);
        fixture.given(activeWith(resetIssued("reset-1", RESET_REQUESTED)))
                .when(resetRequested("reset-2", later))
                .expectResultMessagePayload(true)
                .expectEvents(resetIssued("reset-2", later));
        fixture.given(activeWith(resetIssued("reset-1", RESET_REQUESTED), resetIssued("reset-2", later)))
                .when(new ResetPassword(ID, "reset-1", later.plusSeconds(1)))
                .expectException(rule(Rule.UNKNOWN_RESET_LINK))
                .expectNoEvents();
    }

    @Test
    void givenResetIssued_whenResetPasswordInTime_thenPasswordChanged_andTheLinkIsSingleUse() {
        Instant justInTime = RESET_REQUESTED.plus(RESET_TTL).minusMillis(1);
        fixture.given(activeWith(resetIssued("reset-1", RESET_REQUESTED)))
                .when(new ResetPassword(ID, "reset-1", justInTime))
                .expectEvents(new PasswordChanged(ID, "reset-1", justInTime))
                .expectState(account -> assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE));
        fixture.given(activeWith(
                        resetIssued("reset-1", RESET_REQUESTED), new PasswordChanged(ID, "reset-1", justInTime)))
                .when(new ResetPassword(ID, "reset-1", justInTime))
                .expectException(rule(Rule.UNKNOWN_RESET_LINK))
                .expectNoEvents();
    }

    @Test
    void givenResetIssued_whenResetPasswordAtOrAfterExpiry_thenRefused() {
        fixture.given(activeWith(resetIssued("reset-1", RESET_REQUESTED)))
                .when(new ResetPassword(ID, "reset-1", RESET_REQUESTED.plus(RESET_TTL)))
                .expectException(rule(Rule.RESET_LINK_EXPIRED))
                .expectNoEvents();
    }

    @Test
    void givenNoResetIssued_whenResetPassword_thenRefused() {
        fixture.given(active())
                .when(new ResetPassword(ID, "issue-1", RESET_REQUESTED))
                .expectException(rule(Rule.UNKNOWN_RESET_LINK))
                .expectNoEvents();
        fixture.given(submitted(), opened(), issued("issue-1"))
                .when(new ResetPassword(ID, "issue-1", VERIFIED))
                .expectException(rule(Rule.NOT_ACTIVE))
                .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static OpenAccount open(String issueId) {
        return new OpenAccount(ID, "case-1", "OPERATOR", VERIFIED, issueId, EXPIRES);
    }

    private static AccountApplicationSubmitted submitted() {
        return new AccountApplicationSubmitted(
                ID,
                "Lumen Studio Ltd",
                new PostalAddress("1 High St", "SW1A 1AA", "London", "GB"),
                "Ada Lumen",
                "ada@lumen.example",
                "en",
                true,
                "GB980780684",
                List.of("doc-1"),
                "ada.old@lumen.example",
                SUBMITTED);
    }

    private static AccountOpened opened() {
        return new AccountOpened(
                ID, "case-1", "OPERATOR", "Lumen Studio Ltd", "GB", "en", "ada.old@lumen.example", VERIFIED);
    }

    private static PasswordSetupIssued issued(String issueId) {
        return new PasswordSetupIssued(ID, issueId, "ada@lumen.example", "en", VERIFIED, EXPIRES);
    }

    private static AccountInfoRequested infoRequested() {
        return new AccountInfoRequested(ID, "case-1", "Please send a newer invoice", VERIFIED);
    }

    private static AccountRejected rejected() {
        return new AccountRejected(ID, "case-1", "Not a business", VERIFIED);
    }

    private static AccountActivated activated() {
        return new AccountActivated(ID, "issue-1", VERIFIED.plusSeconds(30));
    }

    private static List<Object> active() {
        return List.of(submitted(), opened(), issued("issue-1"), activated());
    }

    private static List<Object> activeWith(Object... later) {
        List<Object> events = new ArrayList<>(active());
        events.addAll(List.of(later));
        return events;
    }

    private static IssuePasswordReset resetRequested(String issueId, Instant at) {
        return new IssuePasswordReset(ID, issueId, at, at.plus(RESET_TTL), RESET_INTERVAL);
    }

    private static PasswordResetIssued resetIssued(String issueId, Instant at) {
        return new PasswordResetIssued(ID, issueId, "ada@lumen.example", "en", at, at.plus(RESET_TTL));
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

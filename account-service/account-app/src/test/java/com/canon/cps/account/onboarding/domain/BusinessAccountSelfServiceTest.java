package com.canon.cps.account.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The member's own changes on the {@link BusinessAccount}: password, details, contact e-mail, company, old e-mail. */
class BusinessAccountSelfServiceTest {

    private static final String ID = "acc-1";
    private static final Instant SUBMITTED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant ACTIVATED = Instant.parse("2026-01-07T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);
    private static final PostalAddress LONDON = new PostalAddress("1 High St", "SW1A 1AA", "London", "GB");
    private static final String OLD_EMAIL = "ada.old@lumen.example";

    private FixtureConfiguration<BusinessAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessAccount.class);
    }

    // ---- password ---------------------------------------------------------------------------------------------------

    @Test
    void givenActiveAccount_whenChangePassword_thenPasswordChangedWithoutResetLink() {
        fixture.given(active(OLD_EMAIL))
                .when(new ChangePassword(ID, NOW))
                .expectEvents(new PasswordChanged(ID, null, NOW));
    }

    @Test
    void givenVerifiedAccount_whenChangePassword_thenRefused() {
        fixture.given(submitted(OLD_EMAIL, true), opened(), setupIssued())
                .when(new ChangePassword(ID, NOW))
                .expectException(rule(Rule.NOT_ACTIVE))
                .expectNoEvents();
    }

    // ---- activation and the old CPS e-mail --------------------------------------------------------------------------

    @Test
    void givenLegacyEmailGivenWhenApplying_whenActivated_thenTheFirstCodeGoesToIt() {
        fixture.given(submitted(OLD_EMAIL, true), opened(), setupIssued())
                .when(new ActivateAccount(ID, "setup-1", ACTIVATED, code("code-1", ACTIVATED)))
                .expectEvents(
                        new AccountActivated(ID, "setup-1", ACTIVATED),
                        new LegacyEmailCodeIssued(ID, "code-1", OLD_EMAIL, "en", ACTIVATED, ACTIVATED.plus(TTL)));
    }

    @Test
    void givenNoLegacyEmail_whenActivated_thenNoCode() {
        fixture.given(submitted(null, true), opened(), setupIssued())
                .when(new ActivateAccount(ID, "setup-1", ACTIVATED, code("code-1", ACTIVATED)))
                .expectEvents(new AccountActivated(ID, "setup-1", ACTIVATED));
    }

    @Test
    void givenCurrentCode_whenConfirmInTime_thenConfirmed_forGood() {
        List<Object> history = activeWith(OLD_EMAIL, codeIssued("code-1", NOW));
        fixture.given(history)
                .when(new ConfirmLegacyEmail(ID, "code-1", NOW.plus(TTL).minusMillis(1)))
                .expectEvents(new LegacyEmailConfirmed(
                        ID, "code-1", OLD_EMAIL, NOW.plus(TTL).minusMillis(1)));
        history.add(new LegacyEmailConfirmed(ID, "code-1", OLD_EMAIL, NOW));
        fixture.given(history)
                .when(new GiveLegacyCpsEmail(ID, "other@old.example", code("code-2", NOW.plusSeconds(3600))))
                .expectException(rule(Rule.LEGACY_EMAIL_CONFIRMED))
                .expectNoEvents();
        fixture.given(history)
                .when(new IssueLegacyEmailCode(ID, code("code-2", NOW.plusSeconds(3600))))
                .expectException(rule(Rule.LEGACY_EMAIL_CONFIRMED));
    }

    @Test
    void givenReplacedOrExpiredCode_whenConfirm_thenRefused() {
        Instant later = NOW.plus(Duration.ofMinutes(5));
        fixture.given(activeWith(OLD_EMAIL, codeIssued("code-1", NOW), codeIssued("code-2", later)))
                .when(new ConfirmLegacyEmail(ID, "code-1", later))
                .expectException(rule(Rule.UNKNOWN_CODE));
        fixture.given(activeWith(OLD_EMAIL, codeIssued("code-1", NOW)))
                .when(new ConfirmLegacyEmail(ID, "code-1", NOW.plus(TTL)))
                .expectException(rule(Rule.CODE_EXPIRED));
        fixture.given(active(null))
                .when(new ConfirmLegacyEmail(ID, "code-1", NOW))
                .expectException(rule(Rule.NO_LEGACY_EMAIL));
    }

    @Test
    void givenNoLegacyEmail_whenGiveLegacyCpsEmail_thenGivenAndCodeIssued_aCorrectionReplacesItAndItsCode() {
        fixture.given(active(null))
                .when(new GiveLegacyCpsEmail(ID, OLD_EMAIL, code("code-1", NOW)))
                .expectEvents(new LegacyCpsEmailGiven(ID, OLD_EMAIL, NOW), codeIssued("code-1", NOW));
        Instant later = NOW.plus(Duration.ofMinutes(2));
        fixture.given(activeWith(null, new LegacyCpsEmailGiven(ID, OLD_EMAIL, NOW), codeIssued("code-1", NOW)))
                .when(new GiveLegacyCpsEmail(ID, "ada.older@lumen.example", code("code-2", later)))
                .expectEvents(
                        new LegacyCpsEmailGiven(ID, "ada.older@lumen.example", later),
                        new LegacyEmailCodeIssued(
                                ID, "code-2", "ada.older@lumen.example", "en", later, later.plus(TTL)));
        fixture.given(activeWith(
                        null,
                        new LegacyCpsEmailGiven(ID, OLD_EMAIL, NOW),
                        codeIssued("code-1", NOW),
                        new LegacyCpsEmailGiven(ID, "ada.older@lumen.example", later)))
                .when(new ConfirmLegacyEmail(ID, "code-1", later)) // a code sent to the previous address proves nothing
                .expectException(rule(Rule.UNKNOWN_CODE));
    }

    @Test
    void codesAreRationed_onePerMinute_fivePerDay() {
        fixture.given(activeWith(OLD_EMAIL, codeIssued("code-1", NOW)))
                .when(new IssueLegacyEmailCode(ID, code("code-2", NOW.plusSeconds(59))))
                .expectException(rule(Rule.TOO_MANY_CODES));
        fixture.given(activeWith(OLD_EMAIL, codeIssued("code-1", NOW)))
                .when(new IssueLegacyEmailCode(ID, code("code-2", NOW.plusSeconds(60))))
                .expectEvents(codeIssued("code-2", NOW.plusSeconds(60)));
        List<Object> fiveToday = activeWith(OLD_EMAIL);
        for (int i = 0; i < 5; i++) {
            fiveToday.add(codeIssued("code-" + i, NOW.plus(Duration.ofHours(i))));
        }
        fixture.given(fiveToday)
                .when(new IssueLegacyEmailCode(ID, code("code-5", NOW.plus(Duration.ofHours(23)))))
                .expectException(rule(Rule.TOO_MANY_CODES));
        fixture.given(fiveToday)
                .when(new IssueLegacyEmailCode(ID, code("code-5", NOW.plus(Duration.ofHours(24)))))
                .expectEvents(codeIssued("code-5", NOW.plus(Duration.ofHours(24))));
        fixture.given(active(null))
                .when(new IssueLegacyEmailCode(ID, code("code-1", NOW)))
                .expectException(rule(Rule.NO_LEGACY_EMAIL));
    }

    // ---- details and contact e-mail ---------------------------------------------------------------------------------

    @Test
    void givenActiveAccount_whenChangeDetails_thenOnlyTheChangedOnesAreNamed_andAllCurrentValuesCarried() {
        PostalAddress moved = new PostalAddress("2 Market Sq", "SW1A 2AA", "London", "GB");
        fixture.given(active(null))
                .when(new ChangeAccountDetails(ID, "Ada Byron", "en", moved, NOW))
                .expectResultMessagePayload(List.of("contactName", "address"))
                .expectEvents(new AccountDetailsChanged(
                        ID, "Ada Byron", "en", moved, List.of("contactName", "address"), NOW));
        fixture.given(active(null))
                .when(new ChangeAccountDetails(ID, "Ada Lumen", "en", LONDON, NOW))
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void givenActiveAccount_whenTheAddressMovesToAnotherCountry_thenRefused() {
        fixture.given(active(null))
                .when(new ChangeAccountDetails(
                        ID, "Ada Byron", null, new PostalAddress("Hauptstr. 1", "10115", "Berlin", "DE"), NOW))
                .expectException(rule(Rule.COUNTRY_CANNOT_CHANGE))
                .expectNoEvents();
    }

    @Test
    void givenGreekAccount_whenTheAddressSaysGrInsteadOfEl_thenThatIsTheSameCountry() {
        PostalAddress athensEl = new PostalAddress("Ermou 1", "105 63", "Athina", "EL");
        PostalAddress athensGr = new PostalAddress("Ermou 1", "105 63", "Athina", "GR");
        fixture.given(
                        new AccountApplicationSubmitted(
                                ID,
                                "Lumen AE",
                                athensEl,
                                "Ada Lumen",
                                "ada@lumen.example",
                                "en",
                                true,
                                "EL094259216",
                                List.of(),
                                null,
                                SUBMITTED),
                        opened(),
                        setupIssued(),
                        new AccountActivated(ID, "setup-1", ACTIVATED))
                .when(new ChangeAccountDetails(ID, null, null, athensGr, NOW))
                .expectEvents(new AccountDetailsChanged(ID, "Ada Lumen", "en", athensGr, List.of("address"), NOW));
    }

    @Test
    void contactEmail_changesOnlyWithTheCurrentLinkInTime() {
        fixture.given(active(null))
                .when(new RequestContactEmailChange(ID, "link-1", "new@lumen.example", NOW, NOW.plus(TTL)))
                .expectResultMessagePayload(true)
                .expectEvents(
                        new ContactEmailChangeRequested(ID, "link-1", "new@lumen.example", "en", NOW, NOW.plus(TTL)));
        fixture.given(active(null))
                .when(new RequestContactEmailChange(ID, "link-1", "ada@lumen.example", NOW, NOW.plus(TTL)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        Instant later = NOW.plusSeconds(600);
        List<Object> twoLinks = activeWith(
                null,
                new ContactEmailChangeRequested(ID, "link-1", "new@lumen.example", "en", NOW, NOW.plus(TTL)),
                new ContactEmailChangeRequested(ID, "link-2", "newer@lumen.example", "en", later, later.plus(TTL)));
        fixture.given(twoLinks)
                .when(new ConfirmContactEmail(ID, "link-1", later))
                .expectException(rule(Rule.UNKNOWN_EMAIL_LINK));
        fixture.given(twoLinks)
                .when(new ConfirmContactEmail(ID, "link-2", later.plus(TTL)))
                .expectException(rule(Rule.EMAIL_LINK_EXPIRED));
        fixture.given(twoLinks)
                .when(new ConfirmContactEmail(ID, "link-2", later))
                .expectResultMessagePayload("newer@lumen.example")
                .expectEvents(new ContactEmailChanged(ID, "link-2", "ada@lumen.example", "newer@lumen.example", later));
        List<Object> changed = new ArrayList<>(twoLinks);
        changed.add(new ContactEmailChanged(ID, "link-2", "ada@lumen.example", "newer@lumen.example", later));
        fixture.given(changed)
                .when(new ConfirmContactEmail(ID, "link-2", later)) // single use
                .expectException(rule(Rule.UNKNOWN_EMAIL_LINK));
    }

    // ---- company ----------------------------------------------------------------------------------------------------

    @Test
    void companyChange_isRequested_oneAtATime_andAppliedOnlyWhenApproved() {
        CompanyChangeRequested requested = new CompanyChangeRequested(
                ID, "chg-1", "Lumen Group Ltd", "GB980780684", "Lumen Studio Ltd", "GB980780684", "GB", NOW);
        fixture.given(active(null))
                .when(new RequestCompanyChange(ID, "chg-1", "Lumen Group Ltd", null, NOW))
                .expectEvents(requested);
        fixture.given(activeWith(null, requested))
                .when(new RequestCompanyChange(ID, "chg-2", "Other Ltd", null, NOW))
                .expectException(rule(Rule.CHANGE_PENDING));
        fixture.given(activeWith(null, requested))
                .when(new ApplyCompanyChange(ID, "chg-1", "case-9", "Lumen Group Ltd", "GB980780684", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CompanyDetailsChanged(ID, "chg-1", "case-9", "Lumen Group Ltd", "GB980780684", NOW));
        fixture.given(activeWith(
                        null,
                        requested,
                        new CompanyDetailsChanged(ID, "chg-1", "case-9", "Lumen Group Ltd", "GB980780684", NOW)))
                .when(new ApplyCompanyChange(
                        ID,
                        "chg-1",
                        "case-9",
                        "Lumen Group Ltd",
                        "GB980780684",
                        NOW)) // a redelivered approval changes nothing
                .expectNoEvents();
        fixture.given(activeWith(null, requested))
                .when(new RejectCompanyChange(ID, "chg-1", "case-9", "No such company", NOW))
                .expectEvents(
                        new CompanyChangeRejected(ID, "chg-1", "case-9", "Lumen Group Ltd", "No such company", NOW));
    }

    @Test
    void companyChange_thatChangesNothing_orGivesAVatIdWithoutVatLiability_isRefused() {
        fixture.given(active(null))
                .when(new RequestCompanyChange(ID, "chg-1", "Lumen Studio Ltd", "GB980780684", NOW))
                .expectException(rule(Rule.NOTHING_TO_CHANGE));
        fixture.given(submitted(null, false), opened(), setupIssued(), new AccountActivated(ID, "setup-1", ACTIVATED))
                .when(new RequestCompanyChange(ID, "chg-1", null, "GB980780684", NOW))
                .expectException(rule(Rule.NOT_VAT_LIABLE));
    }

    // ---- information provided ---------------------------------------------------------------------------------------

    @Test
    void infoProvided_returnsARequestedApplicationToPending_andIsIgnoredOtherwise() {
        fixture.given(submitted(null, true), new AccountInfoRequested(ID, "case-1", "Send an invoice", NOW))
                .when(new RecordAccountInfoProvided(ID, "case-1", NOW.plusSeconds(5)))
                .expectEvents(new AccountInfoProvided(ID, "case-1", NOW.plusSeconds(5)))
                .expectState(a -> assertThat(a.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION));
        fixture.given(submitted(null, true))
                .when(new RecordAccountInfoProvided(ID, "case-1", NOW))
                .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static LegacyEmailCodeRequest code(String issueId, Instant at) {
        return new LegacyEmailCodeRequest(issueId, at, at.plus(TTL), Duration.ofMinutes(1), 5);
    }

    private static LegacyEmailCodeIssued codeIssued(String issueId, Instant at) {
        return new LegacyEmailCodeIssued(ID, issueId, OLD_EMAIL, "en", at, at.plus(TTL));
    }

    private static AccountApplicationSubmitted submitted(String legacyEmail, boolean vatLiable) {
        return new AccountApplicationSubmitted(
                ID,
                "Lumen Studio Ltd",
                LONDON,
                "Ada Lumen",
                "ada@lumen.example",
                "en",
                vatLiable,
                vatLiable ? "GB980780684" : null,
                List.of("doc-1"),
                legacyEmail,
                SUBMITTED);
    }

    private static AccountOpened opened() {
        return new AccountOpened(ID, "case-1", "OPERATOR", "Lumen Studio Ltd", "GB", "en", null, ACTIVATED);
    }

    private static PasswordSetupIssued setupIssued() {
        return new PasswordSetupIssued(ID, "setup-1", "ada@lumen.example", "en", ACTIVATED, ACTIVATED.plus(TTL));
    }

    private static List<Object> active(String legacyEmail) {
        return activeWith(legacyEmail);
    }

    private static List<Object> activeWith(String legacyEmail, Object... later) {
        List<Object> events = new ArrayList<>(List.of(
                submitted(legacyEmail, true), opened(), setupIssued(), new AccountActivated(ID, "setup-1", ACTIVATED)));
        events.addAll(List.of(later));
        return events;
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

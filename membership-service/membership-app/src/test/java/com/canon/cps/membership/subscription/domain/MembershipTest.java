package com.canon.cps.membership.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.subscription.domain.MembershipRuleViolation.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events (or a refusal): every command of {@link Membership}. */
class MembershipTest {

    private static final String ACC = "acc-1";
    private static final Instant NOW = Instant.parse("2026-09-20T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-09-20");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-09-19");
    private static final MembershipOffer OFFER = new MembershipOffer(
            List.of(
                    new Tier("SILVER", "Silver", 500, false),
                    new Tier("GOLD", "Gold", 1000, false),
                    new Tier("PLATINUM", "Platinum", 2000, false),
                    new Tier("BUSINESS_A", "Business A", 2501, true)),
            2500,
            Map.of("GB", "GBP"),
            "EUR",
            Map.of(
                    "GBP", Map.of("SILVER", "85", "GOLD", "170.00", "BUSINESS_A", "850.00"),
                    "EUR", Map.of("SILVER", "100.00")),
            Period.ofYears(1),
            "2024-01",
            Set.of("2023-01", "2024-01"));

    private static final MarketRecorded GB = new MarketRecorded(ACC, "GB", "en");
    private static final PointsBalanceRecorded POINTS_600 = new PointsBalanceRecorded(ACC, 600);
    private static final MembershipInvited INVITED = new MembershipInvited(ACC, 500, NOW.minusSeconds(3600));
    private static final SubscriptionOrdered ORDERED = new SubscriptionOrdered(
            ACC,
            "sub-1",
            "SILVER",
            new Price("85.00", "GBP"),
            "P1Y",
            TODAY,
            true,
            "PO-7781",
            "2024-01",
            PaymentMethod.CARD,
            "tok_visa",
            false,
            NOW);
    private static final MembershipActivated ACTIVATED =
            new MembershipActivated(ACC, "123456789", "SILVER", TODAY, EXPIRES, true, NOW);

    private static FixtureConfiguration<Membership> fixture(Instant now) {
        FixtureConfiguration<Membership> fixture = new AggregateTestFixture<>(Membership.class);
        fixture.registerInjectableResource(OFFER);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }

    private static FixtureConfiguration<Membership> fixture() {
        return fixture(NOW);
    }

    private static Checkout checkout(String tier, PaymentMethod method, String token) {
        return new Checkout(ACC, tier, true, "PO-7781", true, "2024-01", method, token, "123456789");
    }

    private static Checkout silverByCard() {
        return checkout("SILVER", PaymentMethod.CARD, "tok_visa");
    }

    // ---- invitation ------------------------------------------------------------------------------------------------

    @Test
    void givenNothing_whenInvite_thenInvitedOnce() {
        fixture()
                .givenNoPriorActivity()
                .when(new InviteMember(ACC, 510))
                .expectEvents(new MembershipInvited(ACC, 510, NOW))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.INVITED));
    }

    @Test
    void givenInvited_whenInvitedAgain_thenNothing() {
        fixture().given(INVITED).when(new InviteMember(ACC, 900)).expectNoEvents();
    }

    @Test
    void givenInvited_whenPointsFallBelowThreshold_thenStillInvited() {
        fixture()
                .given(GB, INVITED)
                .when(new RecordPointsBalance(ACC, 100))
                .expectEvents(new PointsBalanceRecorded(ACC, 100))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.INVITED));
    }

    @Test
    void givenSameBalance_whenRecorded_thenNothing() {
        fixture().given(POINTS_600).when(new RecordPointsBalance(ACC, 600)).expectNoEvents();
    }

    // ---- checkout --------------------------------------------------------------------------------------------------

    @Test
    void givenInvitedGbAccount_whenCheckoutSilverByCard_thenOrderedAndActivatedForOneYear() {
        fixture()
                .given(GB, POINTS_600, INVITED)
                .when(silverByCard())
                .expectEvents(
                        new SubscriptionOrdered(
                                ACC,
                                java.util
                                        .UUID
                                        .nameUUIDFromBytes(("subscription:" + ACC + ":1").getBytes())
                                        .toString(),
                                "SILVER",
                                new Price("85.00", "GBP"),
                                "P1Y",
                                TODAY,
                                true,
                                "PO-7781",
                                "2024-01",
                                PaymentMethod.CARD,
                                "tok_visa",
                                false,
                                NOW),
                        ACTIVATED)
                .expectResultMessagePayload(new Activation("123456789", "SILVER", TODAY, EXPIRES, true))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE));
    }

    @Test
    void givenBankTransfer_whenCheckout_thenNoCardTokenIsKept() {
        fixture()
                .given(GB, POINTS_600, INVITED)
                .when(checkout("SILVER", PaymentMethod.BANK_TRANSFER, "ignored"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(
                        Matchers.matches(p -> p instanceof SubscriptionOrdered o && o.cardTokenReference() == null))));
    }

    @Test
    void givenNotInvited_whenCheckout_thenRefused() {
        refused(fixture().given(GB, POINTS_600), silverByCard(), Rule.NOT_INVITED);
    }

    @Test
    void givenSilverPoints_whenCheckoutGold_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                checkout("GOLD", PaymentMethod.CARD, "tok_visa"),
                Rule.TIER_NOT_AVAILABLE);
    }

    @Test
    void givenPlatinumPoints_whenCheckoutBusiness_thenRefusedUntilAbove2500() {
        refused(
                fixture().given(GB, new PointsBalanceRecorded(ACC, 2500), INVITED),
                checkout("BUSINESS_A", PaymentMethod.CARD, "tok_visa"),
                Rule.TIER_NOT_AVAILABLE);
        fixture()
                .given(GB, new PointsBalanceRecorded(ACC, 2501), INVITED)
                .when(checkout("BUSINESS_A", PaymentMethod.CARD, "tok_visa"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenInvited_whenTermsNotAcceptedOrWrongVersion_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                new Checkout(ACC, "SILVER", true, null, false, "2024-01", PaymentMethod.CARD, "tok_visa", "1"),
                Rule.TERMS_NOT_ACCEPTED);
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                new Checkout(ACC, "SILVER", true, null, true, "2023-01", PaymentMethod.CARD, "tok_visa", "1"),
                Rule.TERMS_NOT_ACCEPTED);
    }

    @Test
    void givenInvited_whenTermsVersionNotPublished_orNotTheCurrentOne_thenRefusedAtTheField() {
        fixture()
                .given(GB, POINTS_600, INVITED)
                .when(new Checkout(ACC, "SILVER", true, null, true, "2099-01", PaymentMethod.CARD, "tok_visa", "1"))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof MembershipRuleViolation v
                        && v.rule() == Rule.TERMS_NOT_ACCEPTED
                        && "termsVersion".equals(v.field())
                        && v.getMessage().contains("not a published version")));
        fixture()
                .given(GB, POINTS_600, INVITED)
                .when(new Checkout(ACC, "SILVER", true, null, true, "2023-01", PaymentMethod.CARD, "tok_visa", "1"))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof MembershipRuleViolation v
                        && "termsVersion".equals(v.field())
                        && v.getMessage().contains("current version 2024-01")));
        fixture()
                .given(GB, POINTS_600, INVITED)
                .when(new Checkout(ACC, "SILVER", true, null, true, null, PaymentMethod.CARD, "tok_visa", "1"))
                .expectException(Matchers.matches(
                        e -> e instanceof MembershipRuleViolation v && "termsVersion".equals(v.field())));
    }

    @Test
    void theCurrentTermsVersion_mustBePublished() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MembershipOffer(
                        List.of(), 2500, Map.of(), "EUR", Map.of(), Period.ofYears(1), "2024-01", Set.of("2023-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenInvited_whenCardWithoutTokenOrWithACardNumber_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                checkout("SILVER", PaymentMethod.CARD, " "),
                Rule.INVALID_PAYMENT);
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                checkout("SILVER", PaymentMethod.CARD, "4242 4242 4242 4242"),
                Rule.INVALID_PAYMENT);
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                checkout("SILVER", PaymentMethod.CARD, "4000056655665556"),
                Rule.INVALID_PAYMENT);
    }

    @Test
    void givenInvited_whenUnknownTierOrNoPriceInMarket_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED),
                checkout("BRONZE", PaymentMethod.CARD, "tok_visa"),
                Rule.UNKNOWN_TIER);
        refused(
                fixture().given(new MarketRecorded(ACC, "DE", "de"), new PointsBalanceRecorded(ACC, 1500), INVITED),
                checkout("GOLD", PaymentMethod.CARD, "tok_visa"),
                Rule.UNKNOWN_TIER);
    }

    @Test
    void givenActive_whenCheckoutAgain_thenAlreadyActive() {
        refused(fixture().given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED), silverByCard(), Rule.ALREADY_ACTIVE);
    }

    @Test
    void cardNumberDetection_acceptsGatewayTokens() {
        assertThat(CheckoutRules.looksLikeCardNumber("tok_visa")).isFalse();
        assertThat(CheckoutRules.looksLikeCardNumber("123456789012")).isFalse();
        assertThat(CheckoutRules.looksLikeCardNumber("1234-5678-9012-3456")).isTrue();
        assertThat(CheckoutRules.looksLikeCardNumber("12345678901234567890")).isFalse();
    }

    // ---- auto-renewal switch ---------------------------------------------------------------------------------------

    @Test
    void givenActive_whenSwitchOff_thenChangedOnce() {
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED)
                .when(new ChangeAutoRenewal(ACC, false))
                .expectEvents(new AutoRenewalChanged(ACC, "123456789", false, NOW))
                .expectResultMessagePayload(false);
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED)
                .when(new ChangeAutoRenewal(ACC, true))
                .expectNoEvents();
    }

    @Test
    void givenNotActive_whenSwitch_thenRefused() {
        refused(fixture().given(GB, INVITED), new ChangeAutoRenewal(ACC, false), Rule.NOT_ACTIVE);
    }

    // ---- renewal and expiry ----------------------------------------------------------------------------------------

    private static final Instant LEAD = Instant.parse("2027-09-06T00:00:00Z");
    private static final Instant AFTER_EXPIRY = Instant.parse("2027-09-20T00:00:00Z");
    private static final SubscriptionOrdered RENEWAL_ORDERED = new SubscriptionOrdered(
            ACC,
            java.util
                    .UUID
                    .nameUUIDFromBytes(("subscription:" + ACC + ":2").getBytes())
                    .toString(),
            "SILVER",
            new Price("85.00", "GBP"),
            "P1Y",
            EXPIRES.plusDays(1),
            true,
            null,
            "2024-01",
            PaymentMethod.CARD,
            "tok_visa",
            true,
            LEAD);

    @Test
    void givenAutoRenew_whenRenewalDue_thenNextTermOrderedOnce() {
        fixture(LEAD)
                .given(GB, INVITED, ORDERED, ACTIVATED)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectEvents(RENEWAL_ORDERED);
        fixture(LEAD)
                .given(GB, INVITED, ORDERED, ACTIVATED, RENEWAL_ORDERED)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void givenAutoRenewOff_whenRenewalDue_thenNothingOrdered() {
        fixture(LEAD)
                .given(GB, INVITED, ORDERED, ACTIVATED, new AutoRenewalChanged(ACC, "123456789", false, NOW))
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void givenRenewalOrdered_whenTermEnds_thenRenewedFromTheDayAfter() {
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED, RENEWAL_ORDERED)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEvents(new MembershipRenewed(
                        ACC,
                        "123456789",
                        "SILVER",
                        LocalDate.parse("2027-09-20"),
                        LocalDate.parse("2028-09-19"),
                        AFTER_EXPIRY))
                .expectState(m -> {
                    assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE);
                    assertThat(m.expiresOn()).isEqualTo(LocalDate.parse("2028-09-19"));
                });
    }

    @Test
    void givenRenewalOrdered_thenAutoRenewSwitchedOff_whenTermEnds_thenStillRenewed_andExpiresAfterTheNextTerm() {
        fixture(AFTER_EXPIRY)
                .given(
                        GB,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        RENEWAL_ORDERED,
                        new AutoRenewalChanged(ACC, "123456789", false, NOW))
                .when(new EndTerm(ACC, EXPIRES))
                .expectEvents(new MembershipRenewed(
                        ACC,
                        "123456789",
                        "SILVER",
                        LocalDate.parse("2027-09-20"),
                        LocalDate.parse("2028-09-19"),
                        AFTER_EXPIRY))
                .expectState(m -> assertThat(m.autoRenew()).isFalse());
    }

    @Test
    void givenTermAlreadyRenewed_whenOldTermEndFiresAgain_thenNothing() {
        fixture(AFTER_EXPIRY)
                .given(
                        GB,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        RENEWAL_ORDERED,
                        new MembershipRenewed(
                                ACC,
                                "123456789",
                                "SILVER",
                                LocalDate.parse("2027-09-20"),
                                LocalDate.parse("2028-09-19"),
                                AFTER_EXPIRY))
                .when(new EndTerm(ACC, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void givenAutoRenewOff_whenTermEnds_thenExpiredOnce() {
        AutoRenewalChanged off = new AutoRenewalChanged(ACC, "123456789", false, NOW);
        MembershipExpired expired = new MembershipExpired(ACC, "123456789", EXPIRES, AFTER_EXPIRY);
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED, off)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEvents(expired)
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.EXPIRED));
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED, off, expired)
                .when(new EndTerm(ACC, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void givenLastDayOfTerm_whenTermEndFiresEarly_thenNothing() {
        fixture(Instant.parse("2027-09-19T23:00:00Z"))
                .given(GB, INVITED, ORDERED, ACTIVATED, new AutoRenewalChanged(ACC, "123456789", false, NOW))
                .when(new EndTerm(ACC, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void givenAutoRenewSwitchedOnAfterLeadTime_whenTermEnds_thenOrderedAndRenewed() {
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof SubscriptionOrdered o && o.renewal()),
                        Matchers.matches(p -> p instanceof MembershipRenewed),
                        Matchers.andNoMore())));
    }

    @Test
    void givenExpired_whenCheckoutAgain_thenNewNumberAndTerm() {
        fixture(AFTER_EXPIRY)
                .given(
                        GB,
                        POINTS_600,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        new MembershipExpired(ACC, "123456789", EXPIRES, AFTER_EXPIRY))
                .when(new Checkout(
                        ACC, "SILVER", false, null, true, "2024-01", PaymentMethod.CARD, "tok_visa", "987654321"))
                .expectResultMessagePayload(new Activation(
                        "987654321", "SILVER", LocalDate.parse("2027-09-20"), LocalDate.parse("2028-09-19"), false));
    }

    // ---- next tier, new card -------------------------------------------------------------------------------------

    private static final PointsBalanceRecorded POINTS_1200 = new PointsBalanceRecorded(ACC, 1200);
    private static final String CARD_CHANGE_1 = java.util
            .UUID
            .nameUUIDFromBytes(("card-change:" + ACC + ":1").getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();

    @Test
    void givenGoldPoints_whenNextTierGold_thenChangedOnce_andTheRenewalOrdersGold() {
        NextTierChanged gold = new NextTierChanged(ACC, "123456789", "SILVER", "GOLD", NOW);
        fixture()
                .given(GB, POINTS_1200, INVITED, ORDERED, ACTIVATED)
                .when(new ChangeSubscription(ACC, null, "GOLD"))
                .expectEvents(gold)
                .expectResultMessagePayload(new SubscriptionSettings(true, "GOLD"));
        fixture()
                .given(GB, POINTS_1200, INVITED, ORDERED, ACTIVATED, gold)
                .when(new ChangeSubscription(ACC, null, "GOLD"))
                .expectNoEvents();
        fixture(LEAD)
                .given(GB, POINTS_1200, INVITED, ORDERED, ACTIVATED, gold)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof SubscriptionOrdered o
                                && o.renewal()
                                && o.tier().equals("GOLD")
                                && o.price().equals(new Price("170.00", "GBP"))),
                        Matchers.andNoMore())));
    }

    @Test
    void givenNextTierChosen_whenTermEnds_thenRenewedWithIt() {
        SubscriptionOrdered goldRenewal = new SubscriptionOrdered(
                ACC,
                RENEWAL_ORDERED.subscriptionId(),
                "GOLD",
                new Price("170.00", "GBP"),
                "P1Y",
                EXPIRES.plusDays(1),
                true,
                null,
                "2024-01",
                PaymentMethod.CARD,
                "tok_visa",
                true,
                LEAD);
        fixture(AFTER_EXPIRY)
                .given(
                        GB,
                        POINTS_1200,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        new NextTierChanged(ACC, "123456789", "SILVER", "GOLD", NOW),
                        goldRenewal)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEvents(new MembershipRenewed(
                        ACC,
                        "123456789",
                        "GOLD",
                        LocalDate.parse("2027-09-20"),
                        LocalDate.parse("2028-09-19"),
                        AFTER_EXPIRY));
    }

    @Test
    void givenPointsFellBelowTheNextTier_whenRenewalDue_thenTheCurrentTierIsOrdered() {
        fixture(LEAD)
                .given(
                        GB,
                        POINTS_1200,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        new NextTierChanged(ACC, "123456789", "SILVER", "GOLD", NOW),
                        POINTS_600)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectEvents(RENEWAL_ORDERED);
    }

    @Test
    void givenActive_whenNextTierAboveThePointsOrUnknownOrAfterTheRenewalWasOrdered_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED),
                new ChangeSubscription(ACC, false, "GOLD"),
                Rule.TIER_NOT_AVAILABLE);
        refused(
                fixture().given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED),
                new ChangeSubscription(ACC, null, "BRONZE"),
                Rule.UNKNOWN_TIER);
        refused(
                fixture(LEAD).given(GB, POINTS_1200, INVITED, ORDERED, ACTIVATED, RENEWAL_ORDERED),
                new ChangeSubscription(ACC, null, "GOLD"),
                Rule.NEXT_TERM_ORDERED);
        refused(fixture().given(GB, POINTS_1200, INVITED), new ChangeSubscription(ACC, null, "GOLD"), Rule.NOT_ACTIVE);
    }

    @Test
    void givenActiveByCard_whenNewCard_thenRequested_andOnceVerifiedTheRenewalUsesIt() {
        PaymentCardChangeRequested requested =
                new PaymentCardChangeRequested(ACC, "123456789", CARD_CHANGE_1, "tok_new", "GBP", NOW);
        fixture()
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED)
                .when(new ChangePaymentCard(ACC, " tok_new "))
                .expectEvents(requested)
                .expectResultMessagePayload(CARD_CHANGE_1);
        PaymentCardRecorded recorded = new PaymentCardRecorded(ACC, CARD_CHANGE_1, "tok_new", NOW);
        fixture()
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, requested)
                .when(new RecordPaymentCard(ACC, CARD_CHANGE_1, "tok_new"))
                .expectEvents(recorded);
        fixture()
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, requested, recorded)
                .when(new RecordPaymentCard(ACC, CARD_CHANGE_1, "tok_new"))
                .expectNoEvents();
        fixture(LEAD)
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, requested, recorded)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(
                                p -> p instanceof SubscriptionOrdered o && "tok_new".equals(o.cardTokenReference())),
                        Matchers.andNoMore())));
    }

    @Test
    void whenNewCardIsACardNumber_orPaidByBankTransfer_orNoMembership_thenRefused() {
        refused(
                fixture().given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED),
                new ChangePaymentCard(ACC, "4242 4242 4242 4242"),
                Rule.INVALID_PAYMENT);
        SubscriptionOrdered byTransfer = new SubscriptionOrdered(
                ACC,
                "sub-1",
                "SILVER",
                new Price("85.00", "GBP"),
                "P1Y",
                TODAY,
                true,
                null,
                "2024-01",
                PaymentMethod.BANK_TRANSFER,
                null,
                false,
                NOW);
        refused(
                fixture().given(GB, POINTS_600, INVITED, byTransfer, ACTIVATED),
                new ChangePaymentCard(ACC, "tok_visa"),
                Rule.NOT_PAID_BY_CARD);
        refused(fixture().given(GB, POINTS_600, INVITED), new ChangePaymentCard(ACC, "tok_visa"), Rule.NOT_ACTIVE);
    }

    // ---- suspension ------------------------------------------------------------------------------------------------

    private static final MembershipSuspended SUSPENDED =
            new MembershipSuspended(ACC, "123456789", "inv-1", "CPS-GB-2026-000001", TODAY, NOW);

    @Test
    void givenActive_whenInvoiceUnpaidAfterDunning_thenSuspendedOnce() {
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED)
                .when(new SuspendForUnpaidInvoice(ACC, "inv-1", "CPS-GB-2026-000001"))
                .expectEvents(SUSPENDED)
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.SUSPENDED));
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new SuspendForUnpaidInvoice(ACC, "inv-1", "CPS-GB-2026-000001"))
                .expectNoEvents();
        fixture()
                .given(GB, INVITED)
                .when(new SuspendForUnpaidInvoice(ACC, "inv-1", "CPS-GB-2026-000001"))
                .expectNoEvents();
    }

    @Test
    void givenSuspended_whenThatInvoiceIsPaid_thenReactivated_whenAnotherIsPaid_thenNothing() {
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new SettleUnpaidInvoice(ACC, "inv-1", "INVOICE_PAID"))
                .expectEvents(new MembershipReactivated(ACC, "123456789", "inv-1", "INVOICE_PAID", NOW))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE));
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new SettleUnpaidInvoice(ACC, "inv-other", "INVOICE_PAID"))
                .expectNoEvents();
    }

    @Test
    void givenSuspendedForTwoInvoices_whenOneIsSettled_thenStillSuspended_untilTheOther() {
        UnpaidInvoiceAdded second = new UnpaidInvoiceAdded(ACC, "inv-2", "CPS-GB-2027-000002", NOW);
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new SuspendForUnpaidInvoice(ACC, "inv-2", "CPS-GB-2027-000002"))
                .expectEvents(second);
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED, second)
                .when(new SettleUnpaidInvoice(ACC, "inv-1", "INVOICE_CREDITED"))
                .expectEvents(new UnpaidInvoiceSettled(ACC, "inv-1", "INVOICE_CREDITED", NOW))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.SUSPENDED));
        fixture()
                .given(
                        GB,
                        INVITED,
                        ORDERED,
                        ACTIVATED,
                        SUSPENDED,
                        second,
                        new UnpaidInvoiceSettled(ACC, "inv-1", "INVOICE_CREDITED", NOW))
                .when(new SettleUnpaidInvoice(ACC, "inv-2", "INVOICE_PAID"))
                .expectEvents(new MembershipReactivated(ACC, "123456789", "inv-2", "INVOICE_PAID", NOW));
    }

    @Test
    void givenSuspended_whenRenewalDue_thenNothingOrdered_andTheTermExpires_butCheckoutIsRefused() {
        fixture(LEAD)
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectNoEvents();
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEvents(new MembershipExpired(ACC, "123456789", EXPIRES, AFTER_EXPIRY));
        refused(
                fixture().given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, SUSPENDED),
                silverByCard(),
                Rule.ALREADY_ACTIVE);
    }

    @Test
    void givenRenewalOrderedBeforeTheSuspension_whenTermEnds_thenRenewed_andStillSuspended() {
        fixture(AFTER_EXPIRY)
                .given(GB, INVITED, ORDERED, ACTIVATED, RENEWAL_ORDERED, SUSPENDED)
                .when(new EndTerm(ACC, EXPIRES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof MembershipRenewed), Matchers.andNoMore())))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.SUSPENDED));
    }

    @Test
    void givenSuspended_whenAutoRenewalSwitched_thenChanged() {
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, SUSPENDED)
                .when(new ChangeSubscription(ACC, false, null))
                .expectEvents(new AutoRenewalChanged(ACC, "123456789", false, NOW))
                .expectResultMessagePayload(new SubscriptionSettings(false, "SILVER"));
    }

    private static void refused(
            org.axonframework.test.aggregate.TestExecutor<Membership> given, Object command, Rule rule) {
        given.when(command)
                .expectNoEvents()
                .expectException(MembershipRuleViolation.class)
                .expectException(Matchers.matches(e -> ((MembershipRuleViolation) e).rule() == rule));
    }

    // ---- erasure (GDPR Art. 17) ------------------------------------------------------------------------------------

    private static final MembershipErased ERASED = new MembershipErased(
            ACC, "123456789", "ACTIVE", LocalDate.parse("2027-01-10"), Instant.parse("2027-01-10T09:00:00Z"));

    @Test
    void givenActiveMembership_whenErased_thenItEndsAtOnce_andIsNotErasedTwice() {
        fixture()
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED)
                .when(new EraseMembership(ACC))
                .expectEvents(new MembershipErased(ACC, "123456789", "ACTIVE", TODAY, NOW))
                .expectState(m -> assertThat(m.status()).isEqualTo(MembershipStatus.ERASED));
        fixture()
                .given(GB, INVITED, ORDERED, ACTIVATED, ERASED)
                .when(new EraseMembership(ACC))
                .expectNoEvents();
    }

    @Test
    void givenUnknownAccount_whenErased_thenLaterInvitationPointsAndMarketAreIgnored() {
        fixture()
                .givenNoPriorActivity()
                .when(new EraseMembership(ACC))
                .expectEvents(new MembershipErased(ACC, null, "NONE", TODAY, NOW));
        fixture().given(ERASED).when(new InviteMember(ACC, 900)).expectNoEvents();
        fixture().given(ERASED).when(new RecordPointsBalance(ACC, 900)).expectNoEvents();
        fixture().given(ERASED).when(new RecordMarket(ACC, "DE", "de")).expectNoEvents();
    }

    @Test
    void givenErased_thenNoRenewalNoExpiry_andEveryMembersCommandIsRefused() {
        fixture(EXPIRES.minusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant())
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, ERASED)
                .when(new OrderRenewal(ACC, EXPIRES))
                .expectNoEvents();
        fixture(EXPIRES.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, ERASED)
                .when(new EndTerm(ACC, EXPIRES))
                .expectNoEvents();
        for (Object command : List.of(
                silverByCard(),
                new ChangeAutoRenewal(ACC, true),
                new ChangeSubscription(ACC, true, "GOLD"),
                new ChangePaymentCard(ACC, "tok_mastercard"))) {
            fixture()
                    .given(GB, POINTS_600, INVITED, ORDERED, ACTIVATED, ERASED)
                    .when(command)
                    .expectNoEvents()
                    .expectException(Matchers.matches(
                            e -> e instanceof MembershipRuleViolation v && v.rule() == Rule.ACCOUNT_ERASED));
        }
    }

    @Test
    void givenErased_andItsPurchaseOrderNumberErased_thenTheAggregateStillLoads() {
        SubscriptionOrdered erasedOrder = new SubscriptionOrdered(
                ACC,
                "sub-1",
                "SILVER",
                new Price("85.00", "GBP"),
                "P1Y",
                TODAY,
                true,
                "[erased]",
                "2024-01",
                PaymentMethod.CARD,
                "tok_visa",
                false,
                NOW);
        fixture()
                .given(GB, POINTS_600, INVITED, erasedOrder, ACTIVATED, ERASED)
                .when(new ChangeAutoRenewal(ACC, false))
                .expectException(Matchers.matches(
                        e -> e instanceof MembershipRuleViolation v && v.rule() == Rule.ACCOUNT_ERASED));
    }
}

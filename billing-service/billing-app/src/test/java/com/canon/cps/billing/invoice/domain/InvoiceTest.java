package com.canon.cps.billing.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.privacy.PersonalDataErasure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events (or a refusal): every command of {@link Invoice}. */
class InvoiceTest {

    private static final String ID = "inv-1";
    private static final String ACC = "acc-1";
    private static final Instant ORDERED_AT = Instant.parse("2026-09-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-09-20T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-09-20");
    private static final LocalDate DUE = LocalDate.parse("2026-10-20");
    private static final Party SELLER =
            new Party("Canon Europa N.V.", "Bovenkerkerweg 59", "1185 XB", "Amstelveen", "NL", "NL004495445B01");
    private static final BankDetails BANK = new BankDetails("Canon Europa N.V.", "NL91ABNA0417164300", "ABNANL2A");
    private static final BillingTerms TERMS = new BillingTerms(
            SELLER,
            "GB123456782",
            BANK,
            "CPS",
            "CN",
            new BigDecimal("21.00"),
            new BigDecimal("20.00"),
            Set.of("DE", "FR", "NL", "EL"),
            Period.ofDays(30),
            List.of(Period.ofDays(3), Period.ofDays(7)));
    private static final Buyer GB_BUYER =
            new Buyer("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", "en", true, "GB980780684", true);
    private static final Buyer DE_BUYER =
            new Buyer("Bildwerk GmbH", "Hauptstr. 1", "10115", "Berlin", "DE", "de", true, "DE136695976", true);

    /** The wording is the document's ({@code TierLineDescriptionsTest}); the aggregate records what it is given. */
    private static final LineDescriptions DESCRIPTIONS = (tier, renewal) ->
            "Canon Professional Services : " + Map.of("SILVER", "Silver").get(tier) + (renewal ? " (renewal)" : "");

    private final AtomicLong numbers = new AtomicLong(122);
    private final Set<String> erased = new HashSet<>();
    private final PersonalDataErasure ERASURE = new PersonalDataErasure() {
        @Override
        public void erase(String subjectId) {
            erased.add(subjectId);
        }

        @Override
        public void eraseScope(String subjectId, String scope) {}

        @Override
        public boolean isErased(String subjectId) {
            return erased.contains(subjectId);
        }
    };

    private FixtureConfiguration<Invoice> fixture(Instant now) {
        FixtureConfiguration<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(TERMS);
        fixture.registerInjectableResource(
                (InvoiceNumbers) series -> "%s-%06d".formatted(series, numbers.incrementAndGet()));
        fixture.registerInjectableResource(DESCRIPTIONS);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(ERASURE);
        return fixture;
    }

    private FixtureConfiguration<Invoice> fixture() {
        return fixture(NOW);
    }

    private static OpenInvoice open(PaymentMethod method, Buyer buyer, String currency, String net) {
        return new OpenInvoice(
                ID,
                ACC,
                "sub-1",
                "SILVER",
                "P1Y",
                TODAY,
                currency,
                new BigDecimal(net),
                " PO-7781 ",
                method,
                method == PaymentMethod.CARD ? "tok_visa" : null,
                false,
                ORDERED_AT,
                buyer);
    }

    private static InvoiceOpened opened(PaymentMethod method, Buyer buyer, String currency, String net) {
        OpenInvoice c = open(method, buyer, currency, net);
        return new InvoiceOpened(
                ID,
                ACC,
                "sub-1",
                "SILVER",
                "P1Y",
                TODAY,
                currency,
                c.net(),
                "PO-7781",
                method,
                c.cardToken(),
                false,
                ORDERED_AT,
                buyer,
                ORDERED_AT);
    }

    private static final InvoiceOpened CARD_ORDER = opened(PaymentMethod.CARD, GB_BUYER, "GBP", "85.00");
    private static final InvoiceOpened BANK_ORDER = opened(PaymentMethod.BANK_TRANSFER, GB_BUYER, "GBP", "85.00");
    private static final CardVerified VERIFIED = new CardVerified(ID, ACC, "sub-1", "tok_visa", "seti_1", ORDERED_AT);

    private static InvoiceIssued issued(InvoiceOpened order, String reference) {
        return new InvoiceIssued(
                ID,
                ACC,
                "sub-1",
                "CPS-GB-2026-000123",
                "CPS-GB-2026",
                TODAY,
                DUE,
                new Party(SELLER.name(), SELLER.line1(), SELLER.postalCode(), SELLER.city(), "NL", "GB123456782"),
                GB_BUYER.party(),
                "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        TODAY,
                        LocalDate.parse("2027-09-19"),
                        new BigDecimal("85.00"))),
                "GBP",
                new BigDecimal("85.00"),
                new BigDecimal("20.00"),
                new BigDecimal("17.00"),
                new BigDecimal("102.00"),
                VatTreatment.UK_VAT,
                null,
                "PO-7781",
                order.paymentMethod(),
                reference,
                order.paymentMethod() == PaymentMethod.BANK_TRANSFER ? BANK : null,
                NOW);
    }

    private static final String RF = "RF94CPSGB2026000123";
    private static final InvoiceIssued CARD_ISSUED = issued(CARD_ORDER, null);
    private static final InvoiceIssued BANK_ISSUED = issued(BANK_ORDER, RF);

    // ---- order and card verification --------------------------------------------------------------------------

    @Test
    void anOrderOpensTheInvoiceOnce() {
        fixture()
                .givenNoPriorActivity()
                .when(open(PaymentMethod.CARD, GB_BUYER, "GBP", "85.00"))
                .expectEvents(new InvoiceOpened(
                        ID,
                        ACC,
                        "sub-1",
                        "SILVER",
                        "P1Y",
                        TODAY,
                        "GBP",
                        new BigDecimal("85.00"),
                        "PO-7781",
                        PaymentMethod.CARD,
                        "tok_visa",
                        false,
                        ORDERED_AT,
                        GB_BUYER,
                        NOW));
        fixture()
                .given(CARD_ORDER)
                .when(open(PaymentMethod.CARD, GB_BUYER, "GBP", "85.00"))
                .expectNoEvents();
    }

    @Test
    void theCardIsVerifiedOnce_orFailsItsVerification() {
        fixture()
                .given(CARD_ORDER)
                .when(new RecordCardVerification(ID, true, "APPROVED", "seti_1"))
                .expectEvents(new CardVerified(ID, ACC, "sub-1", "tok_visa", "seti_1", NOW));
        fixture()
                .given(CARD_ORDER, VERIFIED)
                .when(new RecordCardVerification(ID, true, "APPROVED", "seti_1"))
                .expectNoEvents();
        fixture()
                .given(CARD_ORDER)
                .when(new RecordCardVerification(ID, false, "DECLINED", null))
                .expectEvents(new CardVerificationFailed(ID, ACC, "sub-1", "tok_visa", "DECLINED", NOW));
        fixture()
                .given(BANK_ORDER)
                .when(new RecordCardVerification(ID, true, "APPROVED", "seti_1"))
                .expectNoEvents();
    }

    // ---- issue -------------------------------------------------------------------------------------------------

    @Test
    void ukBuyer_getsUkVat_theNextNumberOfItsSeries_andDueInThirtyDays() {
        fixture().given(CARD_ORDER, VERIFIED).when(new IssueInvoice(ID)).expectEvents(CARD_ISSUED);
    }

    @Test
    void bankTransfer_getsAnIso11649Reference_andTheBankDetails() {
        fixture().given(BANK_ORDER).when(new IssueInvoice(ID)).expectEvents(BANK_ISSUED);
    }

    @Test
    void issuedOnce_aSecondIssueTakesNoNumber() {
        fixture().given(BANK_ORDER, BANK_ISSUED).when(new IssueInvoice(ID)).expectNoEvents();
        assertThat(numbers.get()).isEqualTo(122);
    }

    @Test
    void confirmedEuBusiness_inAnotherMemberState_isReverseCharged() {
        InvoiceOpened order = opened(PaymentMethod.BANK_TRANSFER, DE_BUYER, "EUR", "100.00");
        fixture()
                .given(order)
                .when(new IssueInvoice(ID))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(p -> {
                            InvoiceIssued e = (InvoiceIssued) p;
                            return e.vatTreatment() == VatTreatment.REVERSE_CHARGE
                                    && e.vat().signum() == 0
                                    && e.gross().compareTo(new BigDecimal("100.00")) == 0
                                    && e.vatNote().startsWith("Reverse charge")
                                    && e.buyer().vatId().equals("DE136695976")
                                    && e.seller().vatId().equals("NL004495445B01")
                                    && e.number().equals("CPS-DE-2026-000123")
                                    && e.language().equals("de");
                        }),
                        Matchers.andNoMore())));
    }

    @Test
    void vatRules_domesticUnconfirmedAndOutsideTheEu() {
        Buyer nl = new Buyer("A", "l", "p", "c", "NL", "en", true, "NL004495445B01", true);
        Buyer unconfirmed = new Buyer("A", "l", "p", "c", "DE", "de", true, "DE136695976", false);
        Buyer notLiable = new Buyer("A", "l", "p", "c", "FR", "en", false, null, false);
        Buyer swiss = new Buyer("A", "l", "p", "c", "CH", "de", true, "CHE116281710", true);
        Buyer northernIreland = new Buyer("A", "l", "p", "c", "XI", "en", true, "XI980780684", true);
        assertThat(TERMS.vat(nl).treatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(TERMS.vat(nl).rate()).isEqualByComparingTo("21");
        assertThat(TERMS.vat(unconfirmed).treatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(TERMS.vat(notLiable).treatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(TERMS.vat(swiss).treatment()).isEqualTo(VatTreatment.NON_EU);
        assertThat(TERMS.vat(swiss).rate()).isZero();
        assertThat(TERMS.vat(northernIreland).treatment()).isEqualTo(VatTreatment.UK_VAT);
        assertThat(BillingTerms.vatOn(new BigDecimal("85.00"), new BigDecimal("20.00")))
                .isEqualByComparingTo("17.00");
        assertThat(BillingTerms.vatOn(new BigDecimal("99.99"), new BigDecimal("21.00")))
                .isEqualByComparingTo("21.00"); // 20.9979 rounds half up to the cent
    }

    // ---- card charge -------------------------------------------------------------------------------------------

    @Test
    void dueDate_chargesTheVerifiedCard_withOneKeyPerAttempt() {
        fixture()
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED)
                .when(new PrepareCharge(ID, 1))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.of(
                        new ChargeRequest(ID, 1, "tok_visa", new BigDecimal("102.00"), "GBP", "charge:" + ID + ":1")));
    }

    @Test
    void noCharge_forBankTransfer_aFailedVerification_aPaidInvoice_orAStaleAttempt() {
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
        fixture()
                .given(
                        CARD_ORDER,
                        new CardVerificationFailed(ID, ACC, "sub-1", "tok_visa", "DECLINED", ORDERED_AT),
                        CARD_ISSUED)
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
        fixture()
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, paidBy("CARD"))
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
        fixture()
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, failed(1, DUE.plusDays(3)))
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void chargeWhileTheVerificationIsOutstanding_failsSoTheDeadlineIsRetried() {
        fixture()
                .given(CARD_ORDER, CARD_ISSUED)
                .when(new PrepareCharge(ID, 1))
                .expectException(IllegalStateException.class);
    }

    @Test
    void approvedCharge_capturesAndPays() {
        Instant dueNow = Instant.parse("2026-10-20T00:00:01Z");
        fixture(dueNow)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED)
                .when(new RecordCharge(ID, 1, true, "APPROVED", "ch_1"))
                .expectEvents(
                        new PaymentCaptured(
                                ID,
                                ACC,
                                "CPS-GB-2026-000123",
                                new BigDecimal("102.00"),
                                "GBP",
                                PaymentMethod.CARD,
                                "ch_1",
                                dueNow),
                        new InvoicePaid(ID, ACC, "CPS-GB-2026-000123", PaymentMethod.CARD, DUE, dueNow));
        fixture(dueNow)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, paidBy("CARD"))
                .when(new RecordCharge(ID, 1, true, "APPROVED", "ch_1"))
                .expectNoEvents();
    }

    @Test
    void declinedCharge_isRetriedOnTheConfiguredDates_thenStops() {
        Instant dueNow = Instant.parse("2026-10-20T00:00:01Z");
        fixture(dueNow)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED)
                .when(new RecordCharge(ID, 1, false, "DECLINED", "ch_1"))
                .expectEvents(failedAt(1, DUE.plusDays(3), dueNow));
        Instant third = Instant.parse("2026-10-30T00:00:01Z");
        fixture(third)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, failed(1, DUE.plusDays(3)), failed(2, DUE.plusDays(10)))
                .when(new RecordCharge(ID, 3, false, "DECLINED", "ch_3"))
                .expectEvents(failedAt(3, null, third));
    }

    // ---- bank transfer, operator, overdue ----------------------------------------------------------------------

    @Test
    void bankPayment_ofTheGrossAmount_isBooked_otherAmountsAreReportedOnly() {
        LocalDate booked = LocalDate.parse("2026-10-01");
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "GBP", "E-1", booked))
                .expectEvents(
                        new PaymentCaptured(
                                ID,
                                ACC,
                                "CPS-GB-2026-000123",
                                new BigDecimal("102.00"),
                                "GBP",
                                PaymentMethod.BANK_TRANSFER,
                                "E-1",
                                NOW),
                        new InvoicePaid(ID, ACC, "CPS-GB-2026-000123", PaymentMethod.BANK_TRANSFER, booked, NOW))
                .expectResultMessagePayload(BankPaymentOutcome.MATCHED);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new RecordBankPayment(ID, new BigDecimal("100.00"), "GBP", "E-1", booked))
                .expectNoEvents()
                .expectResultMessagePayload(BankPaymentOutcome.PARTIAL_PAYMENT);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new RecordBankPayment(ID, new BigDecimal("120.00"), "GBP", "E-1", booked))
                .expectResultMessagePayload(BankPaymentOutcome.OVERPAYMENT);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "EUR", "E-1", booked))
                .expectResultMessagePayload(BankPaymentOutcome.CURRENCY_MISMATCH);
    }

    @Test
    void theSameStatementEntryTwice_isADuplicate_anotherOneForAPaidInvoiceIsReported() {
        PaymentCaptured captured = new PaymentCaptured(
                ID,
                ACC,
                "CPS-GB-2026-000123",
                new BigDecimal("102.00"),
                "GBP",
                PaymentMethod.BANK_TRANSFER,
                "E-1",
                NOW);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED, captured, paidBy("BANK_TRANSFER"))
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "GBP", "E-1", TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(BankPaymentOutcome.DUPLICATE);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED, captured, paidBy("BANK_TRANSFER"))
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "GBP", "E-2", TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(BankPaymentOutcome.ALREADY_PAID);
    }

    @Test
    void operatorMarksPaid_once() {
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkPaid(ID, "op@cps.local", "cheque"))
                .expectEvents(
                        new PaymentCaptured(
                                ID,
                                ACC,
                                "CPS-GB-2026-000123",
                                new BigDecimal("102.00"),
                                "GBP",
                                PaymentMethod.MANUAL,
                                "op@cps.local",
                                NOW,
                                "cheque"),
                        new InvoicePaid(ID, ACC, "CPS-GB-2026-000123", PaymentMethod.MANUAL, TODAY, NOW));
        fixture()
                .given(BANK_ORDER, BANK_ISSUED, paidBy("MANUAL"))
                .when(new MarkPaid(ID, "op@cps.local", null))
                .expectException(InvoiceRuleViolation.class);
        fixture()
                .given(BANK_ORDER)
                .when(new MarkPaid(ID, "op@cps.local", null))
                .expectException(InvoiceRuleViolation.class);
    }

    @Test
    void anErasedAccount_isNeitherIssuedNorVerifiedNorChargedNorDunned_butPaymentsAreStillBooked() {
        erased.add(ACC);
        fixture().given(BANK_ORDER).when(new IssueInvoice(ID)).expectNoEvents();
        assertThat(numbers.get()).isEqualTo(122);
        fixture()
                .given(CARD_ORDER)
                .when(new RecordCardVerification(ID, true, "APPROVED", "seti_1"))
                .expectNoEvents();
        fixture(Instant.parse("2026-10-20T00:00:01Z"))
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED)
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
        fixture(Instant.parse("2026-10-21T00:00:00Z"))
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkOverdue(ID))
                .expectNoEvents();
        fixture(Instant.parse("2026-11-20T00:00:00Z"))
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkDunningExhausted(ID))
                .expectNoEvents();
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "GBP", "E-2", LocalDate.parse("2027-01-15")))
                .expectResultMessagePayload(BankPaymentOutcome.MATCHED);
    }

    @Test
    void overdue_onlyAfterTheDueDate_andOnlyWhileUnpaid() {
        Instant onDueDate = Instant.parse("2026-10-20T23:59:59Z");
        Instant dayAfter = Instant.parse("2026-10-21T00:00:00Z");
        fixture(onDueDate)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkOverdue(ID))
                .expectNoEvents();
        fixture(dayAfter)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkOverdue(ID))
                .expectEvents(new InvoiceOverdue(
                        ID,
                        ACC,
                        "CPS-GB-2026-000123",
                        new BigDecimal("102.00"),
                        "GBP",
                        DUE,
                        PaymentMethod.BANK_TRANSFER,
                        RF,
                        dayAfter));
        fixture(dayAfter)
                .given(BANK_ORDER, BANK_ISSUED, paidBy("BANK_TRANSFER"))
                .when(new MarkOverdue(ID))
                .expectNoEvents();
    }

    // ---- credit notes and refunds -------------------------------------------------------------------------------

    private static final Instant LATER = Instant.parse("2027-01-15T10:00:00Z");
    private static final PaymentCaptured CARD_CAPTURED = new PaymentCaptured(
            ID, ACC, "CPS-GB-2026-000123", new BigDecimal("102.00"), "GBP", PaymentMethod.CARD, "ch_1", NOW);
    private static final PaymentCaptured BANK_CAPTURED = new PaymentCaptured(
            ID, ACC, "CPS-GB-2026-000123", new BigDecimal("102.00"), "GBP", PaymentMethod.BANK_TRANSFER, "E-1", NOW);

    private static IssueCreditNote credit(String id, String amount) {
        return new IssueCreditNote(ID, id, " Order cancelled ", amount == null ? null : new BigDecimal(amount), "op");
    }

    @Test
    void paidByCard_creditedInFull_isCredited_withTheNextNumberOfItsOwnSeries_andRefundedOnce() {
        fixture(LATER)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, CARD_CAPTURED, paidBy("CARD"))
                .when(credit("cn-1", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CreditNoteIssued c
                                && c.number().equals("CN-GB-2027-000123")
                                && c.series().equals("CN-GB-2027")
                                && c.invoiceNumber().equals("CPS-GB-2026-000123")
                                && c.reason().equals("Order cancelled")
                                && c.net().compareTo(new BigDecimal("85.00")) == 0
                                && c.vat().compareTo(new BigDecimal("17.00")) == 0
                                && c.gross().compareTo(new BigDecimal("102.00")) == 0
                                && c.invoiceStatus() == InvoiceStatus.CREDITED
                                && c.refundMethod() == RefundMethod.CARD
                                && c.refundAmount().compareTo(new BigDecimal("102.00")) == 0
                                && c.vatTreatment() == VatTreatment.UK_VAT
                                && c.lines().get(0).net().compareTo(new BigDecimal("85.00")) == 0),
                        Matchers.matches(p -> p instanceof RefundRequested r
                                && r.refundId().equals("cn-1")
                                && r.chargeReference().equals("ch_1")
                                && r.amount().compareTo(new BigDecimal("102.00")) == 0),
                        Matchers.andNoMore())))
                .expectResultMessagePayloadMatching(Matchers.matches(r -> ((Optional<?>) r).isPresent()));
    }

    @Test
    void aRetriedCreditNote_issuesNothingNew_andAFullyCreditedInvoiceTakesNoMore() {
        CreditNoteIssued full =
                creditNote("cn-1", "85.00", "17.00", "102.00", "102.00", InvoiceStatus.CREDITED, "NONE");
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, full)
                .when(credit("cn-1", null))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, full)
                .when(credit("cn-2", "1.00"))
                .expectNoEvents()
                .expectException(InvoiceRuleViolation.class);
    }

    @Test
    void partialCredits_splitAtTheRate_neverExceedTheGross_andAddUpToTheCent() {
        // 50.00 gross at 20 %: 8.33 VAT, 41.67 net; the rest is exactly what the invoice has left
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(credit("cn-1", "50"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CreditNoteIssued c
                                && c.net().compareTo(new BigDecimal("41.67")) == 0
                                && c.vat().compareTo(new BigDecimal("8.33")) == 0
                                && c.invoiceStatus() == InvoiceStatus.OPEN
                                && c.refundMethod() == RefundMethod.NONE),
                        Matchers.andNoMore())));
        CreditNoteIssued first = creditNote("cn-1", "41.67", "8.33", "50.00", "50.00", InvoiceStatus.OPEN, "NONE");
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, first)
                .when(credit("cn-2", "52.01"))
                .expectNoEvents()
                .expectException(Matchers.matches(
                        e -> ((InvoiceRuleViolation) e).rule() == InvoiceRuleViolation.Rule.INVALID_AMOUNT));
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, first)
                .when(credit("cn-2", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CreditNoteIssued c
                                && c.net().compareTo(new BigDecimal("43.33")) == 0
                                && c.vat().compareTo(new BigDecimal("8.67")) == 0
                                && c.gross().compareTo(new BigDecimal("52.00")) == 0
                                && c.creditedTotal().compareTo(new BigDecimal("102.00")) == 0
                                && c.invoiceStatus() == InvoiceStatus.CREDITED),
                        Matchers.andNoMore())));
        // what is left is due: a transfer of the rest pays it
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, first)
                .when(new RecordBankPayment(ID, new BigDecimal("52.00"), "GBP", "E-9", LocalDate.parse("2027-01-15")))
                .expectResultMessagePayload(BankPaymentOutcome.MATCHED);
    }

    @Test
    void creditNotes_areRefusedBeforeTheIssue_andForABadAmount() {
        fixture()
                .given(BANK_ORDER)
                .when(credit("cn-1", null))
                .expectNoEvents()
                .expectException(Matchers.matches(
                        e -> ((InvoiceRuleViolation) e).rule() == InvoiceRuleViolation.Rule.NOT_ISSUED));
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(credit("cn-1", "0.001"))
                .expectNoEvents()
                .expectException(InvoiceRuleViolation.class);
        fixture()
                .given(BANK_ORDER, BANK_ISSUED)
                .when(credit("cn-1", "102.01"))
                .expectNoEvents()
                .expectException(InvoiceRuleViolation.class);
    }

    @Test
    void paidByTransfer_credited_isPaidBackByTransfer_withoutTheGateway() {
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, BANK_CAPTURED, paidBy("BANK_TRANSFER"))
                .when(credit("cn-1", "20.00"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CreditNoteIssued c
                                && c.refundMethod() == RefundMethod.BANK_TRANSFER
                                && c.refundAmount().compareTo(new BigDecimal("20.00")) == 0
                                && c.invoiceStatus() == InvoiceStatus.PAID),
                        Matchers.andNoMore())));
    }

    @Test
    void anUnpaidCardInvoiceCreditedInFull_isChargedNoMore_andNeitherOverdueNorDunned() {
        CreditNoteIssued full =
                creditNote("cn-1", "85.00", "17.00", "102.00", "102.00", InvoiceStatus.CREDITED, "NONE");
        Instant dueNow = Instant.parse("2026-10-20T00:00:01Z");
        fixture(dueNow)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, full)
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.empty());
        fixture(Instant.parse("2026-11-20T00:00:00Z"))
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, full)
                .when(new MarkDunningExhausted(ID))
                .expectNoEvents();
        fixture(LATER)
                .given(BANK_ORDER, BANK_ISSUED, full)
                .when(new RecordBankPayment(ID, new BigDecimal("102.00"), "GBP", "E-2", LocalDate.parse("2027-01-15")))
                .expectResultMessagePayload(BankPaymentOutcome.INVOICE_CREDITED);
    }

    @Test
    void aPartlyCreditedCardInvoice_chargesWhatIsLeft() {
        CreditNoteIssued part = creditNote("cn-1", "41.67", "8.33", "50.00", "50.00", InvoiceStatus.OPEN, "NONE");
        fixture(Instant.parse("2026-10-20T00:00:01Z"))
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, part)
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.of(
                        new ChargeRequest(ID, 1, "tok_visa", new BigDecimal("52.00"), "GBP", "charge:" + ID + ":1")));
    }

    @Test
    void aChargeThatLandsAfterTheInvoiceWasCredited_isBooked_andPaidBack() {
        CreditNoteIssued full =
                creditNote("cn-1", "85.00", "17.00", "102.00", "102.00", InvoiceStatus.CREDITED, "NONE");
        Instant dueNow = Instant.parse("2026-10-20T00:00:01Z");
        fixture(dueNow)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, full)
                .when(new RecordCharge(ID, 1, true, "APPROVED", "ch_1", new BigDecimal("102.00")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof PaymentCaptured),
                        Matchers.matches(p -> p instanceof RefundRequested r
                                && r.refundId().equals("cn-1:charge-1")
                                && r.amount().compareTo(new BigDecimal("102.00")) == 0
                                && r.chargeReference().equals("ch_1")),
                        Matchers.andNoMore())));
    }

    @Test
    void theGatewaysAnswerToARefund_isRecordedOnce() {
        CreditNoteIssued full =
                creditNote("cn-1", "85.00", "17.00", "102.00", "102.00", InvoiceStatus.CREDITED, "CARD");
        RefundRequested requested = new RefundRequested(
                ID, ACC, "cn-1", "cn-1", "CN-GB-2027-000123", "ch_1", new BigDecimal("102.00"), "GBP", LATER);
        PaymentRefunded refunded = new PaymentRefunded(
                ID, ACC, "cn-1", "cn-1", "CN-GB-2027-000123", new BigDecimal("102.00"), "GBP", "re_1", LATER);
        fixture(LATER)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, CARD_CAPTURED, paidBy("CARD"), full, requested)
                .when(new RecordRefund(ID, "cn-1", true, "APPROVED", "re_1", "Refund succeeded."))
                .expectEvents(refunded);
        fixture(LATER)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, CARD_CAPTURED, paidBy("CARD"), full, requested, refunded)
                .when(new RecordRefund(ID, "cn-1", true, "APPROVED", "re_1", "Refund succeeded."))
                .expectNoEvents();
        fixture(LATER)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, CARD_CAPTURED, paidBy("CARD"), full, requested)
                .when(new RecordRefund(ID, "cn-1", false, "DECLINED", null, "charge_already_refunded"))
                .expectEvents(new PaymentRefundFailed(
                        ID,
                        ACC,
                        "cn-1",
                        "cn-1",
                        "CN-GB-2027-000123",
                        new BigDecimal("102.00"),
                        "GBP",
                        "DECLINED",
                        "charge_already_refunded",
                        LATER));
    }

    private static CreditNoteIssued creditNote(
            String id,
            String net,
            String vat,
            String gross,
            String creditedTotal,
            InvoiceStatus after,
            String refundMethod) {
        return new CreditNoteIssued(
                ID,
                ACC,
                id,
                "CN-GB-2027-000123",
                "CN-GB-2027",
                LocalDate.parse("2027-01-15"),
                "CPS-GB-2026-000123",
                TODAY,
                SELLER,
                GB_BUYER.party(),
                "en",
                "Order cancelled",
                List.of(),
                "GBP",
                new BigDecimal(net),
                new BigDecimal("20.00"),
                new BigDecimal(vat),
                new BigDecimal(gross),
                VatTreatment.UK_VAT,
                null,
                new BigDecimal(creditedTotal),
                after,
                RefundMethod.valueOf(refundMethod),
                refundMethod.equals("NONE") ? BigDecimal.ZERO : new BigDecimal(gross),
                "op",
                LATER);
    }

    // ---- dunning and the account's new card ------------------------------------------------------------------------

    @Test
    void unpaidAtTheLastDunningStep_isReportedOnce_notWhenPaid() {
        Instant end = Instant.parse("2026-11-03T00:00:00Z");
        InvoiceDunningExhausted exhausted = new InvoiceDunningExhausted(
                ID,
                ACC,
                "sub-1",
                "CPS-GB-2026-000123",
                new BigDecimal("102.00"),
                "GBP",
                DUE,
                PaymentMethod.BANK_TRANSFER,
                end);
        fixture(end)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new MarkDunningExhausted(ID))
                .expectEvents(exhausted);
        fixture(end)
                .given(BANK_ORDER, BANK_ISSUED, exhausted)
                .when(new MarkDunningExhausted(ID))
                .expectNoEvents();
        fixture(end)
                .given(BANK_ORDER, BANK_ISSUED, BANK_CAPTURED, paidBy("BANK_TRANSFER"))
                .when(new MarkDunningExhausted(ID))
                .expectNoEvents();
    }

    @Test
    void aNewCard_isUsedForTheNextCharge_andChargedAtOnceOnceTheRetriesAreUsedUp() {
        // before the due date: the due date's charge uses it
        fixture()
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED)
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectEvents(new InvoiceCardReplaced(ID, ACC, "chg-1", "tok_new", null, NOW));
        fixture(Instant.parse("2026-10-20T00:00:01Z"))
                .given(
                        CARD_ORDER,
                        VERIFIED,
                        CARD_ISSUED,
                        new InvoiceCardReplaced(ID, ACC, "chg-1", "tok_new", null, NOW))
                .when(new PrepareCharge(ID, 1))
                .expectResultMessagePayload(Optional.of(
                        new ChargeRequest(ID, 1, "tok_new", new BigDecimal("102.00"), "GBP", "charge:" + ID + ":1")));
        // every retry declined: the next attempt comes at once
        Instant after = Instant.parse("2026-11-01T09:00:00Z");
        fixture(after)
                .given(
                        CARD_ORDER,
                        VERIFIED,
                        CARD_ISSUED,
                        failed(1, DUE.plusDays(3)),
                        failed(2, DUE.plusDays(10)),
                        failed(3, null))
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectEvents(new InvoiceCardReplaced(ID, ACC, "chg-1", "tok_new", 4, after));
        // the card failed its verification at checkout and the due date passed: at once, as attempt 1
        fixture(after)
                .given(
                        CARD_ORDER,
                        new CardVerificationFailed(ID, ACC, "sub-1", "tok_visa", "DECLINED", NOW),
                        CARD_ISSUED)
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectEvents(new InvoiceCardReplaced(ID, ACC, "chg-1", "tok_new", 1, after));
        // a retry still ahead: it uses the new card
        fixture(Instant.parse("2026-10-21T09:00:00Z"))
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, failed(1, DUE.plusDays(3)))
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof InvoiceCardReplaced r && r.chargeAttemptNow() == null),
                        Matchers.andNoMore())));
        // paid, or not a card invoice: nothing
        fixture(after)
                .given(CARD_ORDER, VERIFIED, CARD_ISSUED, CARD_CAPTURED, paidBy("CARD"))
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectNoEvents();
        fixture(after)
                .given(BANK_ORDER, BANK_ISSUED)
                .when(new ReplaceInvoiceCard(ID, "chg-1", "tok_new"))
                .expectNoEvents();
    }

    private static InvoicePaid paidBy(String method) {
        return new InvoicePaid(ID, ACC, "CPS-GB-2026-000123", PaymentMethod.valueOf(method), TODAY, NOW);
    }

    private static PaymentFailed failed(int attempt, LocalDate next) {
        return failedAt(attempt, next, NOW);
    }

    private static PaymentFailed failedAt(int attempt, LocalDate next, Instant at) {
        return new PaymentFailed(
                ID, ACC, "CPS-GB-2026-000123", new BigDecimal("102.00"), "GBP", "DECLINED", attempt, next, at);
    }
}

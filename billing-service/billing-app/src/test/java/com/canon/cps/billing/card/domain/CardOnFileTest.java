package com.canon.cps.billing.card.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events: every command of {@link CardOnFile}. */
class CardOnFileTest {

    private static final String ACC = "acc-1";
    private static final Instant NOW = Instant.parse("2027-01-11T16:20:45Z");
    private static final CardChangeRequested REQUESTED = new CardChangeRequested(ACC, "chg-1", "tok_new", "GBP", NOW);

    private static FixtureConfiguration<CardOnFile> fixture() {
        FixtureConfiguration<CardOnFile> fixture = new AggregateTestFixture<>(CardOnFile.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void aRequest_isVerifiedOnce_andARedeliveryChangesNothing() {
        fixture()
                .givenNoPriorActivity()
                .when(new RequestCardChange(ACC, "chg-1", "tok_new", "GBP"))
                .expectEvents(REQUESTED);
        fixture()
                .given(REQUESTED)
                .when(new RequestCardChange(ACC, "chg-1", "tok_new", "GBP"))
                .expectNoEvents();
    }

    @Test
    void approved_replacesTheCard_declined_keepsIt_andEitherIsDecidedOnce() {
        CardChanged changed = new CardChanged(ACC, "chg-1", "tok_new", null, "seti_1", NOW);
        fixture()
                .given(REQUESTED)
                .when(RecordCardChangeVerification.of(ACC, "chg-1", true, "APPROVED", "seti_1"))
                .expectEvents(changed)
                .expectState(c -> assertThat(c.cardToken()).isEqualTo("tok_new"));
        fixture()
                .given(REQUESTED, changed)
                .when(RecordCardChangeVerification.of(ACC, "chg-1", false, "DECLINED", null))
                .expectNoEvents();
        CardChangeRequested second = new CardChangeRequested(ACC, "chg-2", "tok_decline_verify", "GBP", NOW);
        fixture()
                .given(REQUESTED, changed, second)
                .when(RecordCardChangeVerification.of(ACC, "chg-2", false, "DECLINED", null))
                .expectEvents(new CardChangeDeclined(ACC, "chg-2", "tok_decline_verify", "DECLINED", NOW))
                .expectState(c -> assertThat(c.cardToken()).isEqualTo("tok_new"));
        CardChangeRequested third = new CardChangeRequested(ACC, "chg-3", "tok_third", "GBP", NOW);
        fixture()
                .given(REQUESTED, changed, third)
                .when(RecordCardChangeVerification.of(ACC, "chg-3", true, "APPROVED", "seti_3"))
                .expectEvents(new CardChanged(ACC, "chg-3", "tok_third", "tok_new", "seti_3", NOW));
    }
}

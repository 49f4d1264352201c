package com.canon.cps.examples.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.contract.AutoRenewalChanged;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipRenewed;
import com.canon.cps.membership.contract.MembershipSuspended;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ActiveMembershipsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-27T09:50:03.118Z");
    private static final LocalDate STARTS = LocalDate.parse("2026-11-27");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-11-26");

    private final ActiveMemberships memberships = new ActiveMemberships();

    @Test
    void activationRenewalSwitchAndExpiry() {
        assertThat(apply("1", MembershipActivated.TYPE, activated("a", "417305962")))
                .isTrue();
        assertThat(apply("2", MembershipActivated.TYPE, activated("b", "512093847")))
                .isTrue();
        apply("3", AutoRenewalChanged.TYPE, new AutoRenewalChanged("a", "417305962", false, AT));
        apply(
                "4",
                MembershipRenewed.TYPE,
                new MembershipRenewed(
                        "b", "512093847", "SILVER", EXPIRES.plusDays(1), EXPIRES.plusYears(1), AT.plusSeconds(60)));

        assertThat(memberships.snapshot())
                .containsOnlyKeys("a", "b")
                .containsEntry("a", new ActiveMembership("a", "417305962", "SILVER", STARTS, EXPIRES, false))
                .containsEntry(
                        "b",
                        new ActiveMembership(
                                "b", "512093847", "SILVER", EXPIRES.plusDays(1), EXPIRES.plusYears(1), true));

        apply("5", MembershipExpired.TYPE, new MembershipExpired("a", "417305962", EXPIRES, AT));
        assertThat(memberships.snapshot()).containsOnlyKeys("b");
    }

    @Test
    void aSuspendedMembership_isNotActive_untilReactivated_andExpiresFromEitherState() {
        apply("1", MembershipActivated.TYPE, activated("a", "417305962"));
        apply("2", MembershipActivated.TYPE, activated("b", "512093847"));

        assertThat(apply("3", MembershipSuspended.TYPE, suspended("a"))).isTrue();
        assertThat(memberships.snapshot()).containsOnlyKeys("b");
        assertThat(memberships.suspended()).containsOnlyKeys("a");
        assertThat(apply("3", MembershipSuspended.TYPE, suspended("a")))
                .as("delivered again")
                .isFalse();
        // a renewal ordered before the suspension and a switch still apply while it is set aside
        apply("4", AutoRenewalChanged.TYPE, new AutoRenewalChanged("a", "417305962", false, AT));
        assertThat(apply(
                        "5",
                        MembershipRenewed.TYPE,
                        new MembershipRenewed("a", "417305962", "GOLD", EXPIRES.plusDays(1), EXPIRES.plusYears(1), AT)))
                .isFalse();
        assertThat(memberships.snapshot()).containsOnlyKeys("b");

        assertThat(apply(
                        "6",
                        MembershipReactivated.TYPE,
                        new MembershipReactivated("a", "417305962", "inv-1", "INVOICE_PAID", AT)))
                .isTrue();
        assertThat(memberships.snapshot())
                .containsEntry(
                        "a",
                        new ActiveMembership(
                                "a", "417305962", "GOLD", EXPIRES.plusDays(1), EXPIRES.plusYears(1), false));
        assertThat(memberships.suspended()).isEmpty();

        apply("7", MembershipSuspended.TYPE, suspended("b"));
        apply("8", MembershipExpired.TYPE, new MembershipExpired("b", "512093847", EXPIRES, AT));
        assertThat(memberships.suspended()).isEmpty();
        assertThat(memberships.snapshot()).containsOnlyKeys("a");
    }

    private static MembershipSuspended suspended(String account) {
        return new MembershipSuspended(
                account, "417305962", "inv-1", "CPS-GB-2026-000123", "UNPAID_INVOICE", EXPIRES.minusMonths(6), AT);
    }

    @Test
    void duplicatesUnknownTypesAndUnknownFieldsChangeNothing() {
        apply("1", MembershipActivated.TYPE, activated("a", "417305962"));
        apply("2", AutoRenewalChanged.TYPE, new AutoRenewalChanged("a", "417305962", false, AT));

        // the activation delivered again must not switch auto-renewal back on
        assertThat(apply("1", MembershipActivated.TYPE, activated("a", "417305962")))
                .isFalse();
        assertThat(memberships.apply(
                        "9", "cps.membership.MembershipUpgraded.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(memberships.apply("10", "cps.billing.InvoicePaid.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(memberships.apply(
                        "11",
                        MembershipActivated.TYPE,
                        ("{\"accountId\":\"c\",\"membershipNumber\":\"600000001\",\"tier\":\"GOLD\","
                                        + "\"startsOn\":\"2026-11-27\",\"expiresOn\":\"2027-11-26\",\"autoRenew\":true,"
                                        + "\"activatedAt\":\"2026-11-27T09:50:03Z\",\"loyaltyLevel\":{\"stars\":3}}")
                                .getBytes(StandardCharsets.UTF_8)))
                .isTrue();

        assertThat(memberships.snapshot().get("a").autoRenew()).isFalse();
        assertThat(memberships.snapshot().get("c").tier()).isEqualTo("GOLD");
    }

    private boolean apply(String ceId, String type, Object event) {
        return memberships.apply(ceId, type, JSON.writeValueAsBytes(event));
    }

    private static MembershipActivated activated(String accountId, String number) {
        return new MembershipActivated(accountId, number, "SILVER", STARTS, EXPIRES, true, AT);
    }
}

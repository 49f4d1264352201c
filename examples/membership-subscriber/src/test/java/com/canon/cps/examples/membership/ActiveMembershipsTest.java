package com.canon.cps.examples.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.contract.AutoRenewalChanged;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipRenewed;
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

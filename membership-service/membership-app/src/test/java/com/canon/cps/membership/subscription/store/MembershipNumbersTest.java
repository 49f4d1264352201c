package com.canon.cps.membership.subscription.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipNumbersTest {

    @Test
    void multiplierIsCoprimeWithTheRange_soTheMappingIsAPermutation() {
        assertThat(BigInteger.valueOf(MembershipNumbers.MULTIPLIER).gcd(BigInteger.valueOf(MembershipNumbers.RANGE)))
                .isEqualTo(BigInteger.ONE);
    }

    @Test
    void numbersHaveNineDigits_andDifferForTheFirstMillionPositions() {
        Set<String> seen = new HashSet<>();
        for (long p = 0; p < 1_000_000; p++) {
            String n = MembershipNumbers.numberAt(p);
            assertThat(n).hasSize(9);
            assertThat(seen.add(n)).isTrue();
        }
        assertThat(MembershipNumbers.numberAt(MembershipNumbers.RANGE - 1)).hasSize(9);
        assertThatThrownBy(() -> MembershipNumbers.numberAt(MembershipNumbers.RANGE))
                .isInstanceOf(IllegalStateException.class);
    }
}

package com.canon.cps.account.onboarding.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys the member search matches by prefix. */
class MemberSearchProjectionTest {

    @Test
    void companyKeys_areTheWholeNameAndEachWord_lowerCase() {
        assertThat(MemberSearchProjection.companyKeys("  Lumen   Studio-Foto Ltd. "))
                .containsExactly("lumen studio-foto ltd.", "lumen", "studio", "foto", "ltd");
        assertThat(MemberSearchProjection.companyKeys("Müller & Söhne GmbH"))
                .containsExactly("müller & söhne gmbh", "müller", "söhne", "gmbh");
        assertThat(MemberSearchProjection.companyKeys(null)).isEmpty();
        assertThat(MemberSearchProjection.companyKeys(" ")).isEmpty();
    }

    @Test
    void vatKeys_areTheIdWithAndWithoutItsCountryPrefix_withoutSeparators() {
        assertThat(MemberSearchProjection.vatKeys("GB980780684")).containsExactly("gb980780684", "980780684");
        assertThat(MemberSearchProjection.vatKeys("CHE-123.456.788 MWST"))
                .containsExactly("che123456788mwst", "123456788mwst");
        assertThat(MemberSearchProjection.vatKeys("123456789")).containsExactly("123456789");
        assertThat(MemberSearchProjection.vatKeys(null)).isEmpty();
        assertThat(MemberSearchQueries.vatKey(" gb 980.780-684")).isEqualTo("gb980780684");
    }
}

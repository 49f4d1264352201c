package com.canon.cps.verification.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.calendar.BusinessCalendar;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.OpenVerificationCase;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhenAccountApplicationSubmittedThenOpenCaseTest {

    private final BusinessCalendar calendar = new BusinessCalendar(2, LocalTime.of(17, 0));

    @Test
    void submittedApplication_opensItsCase_withTheSlaDeadlineOfTheApplicantsCountry() {
        OpenVerificationCase command = WhenAccountApplicationSubmittedThenOpenCase.open(
                received(submitted("acc-1", "GB", Instant.parse("2025-12-24T10:00:00Z"), List.of("doc-1"))),
                calendar,
                Map.of("doc-1", "VAT_CERTIFICATE"));

        assertThat(command.caseId()).isEqualTo(VerificationCase.caseIdFor("acc-1"));
        assertThat(command.accountId()).isEqualTo("acc-1");
        assertThat(command.companyName()).isEqualTo("Lumen Studio Ltd");
        assertThat(command.country()).isEqualTo("GB");
        assertThat(command.vatLiable()).isTrue();
        assertThat(command.vatId()).isEqualTo("GB980780684");
        assertThat(command.documents()).containsExactly(new EvidenceDocument("doc-1", "VAT_CERTIFICATE"));
        assertThat(command.submittedAt()).isEqualTo("2025-12-24T10:00:00Z");
        // docs/domain.md: submitted Wed 2025-12-24 in England and Wales -> end of Tue 2025-12-30, London time (UTC in
        // winter)
        assertThat(command.deadline()).isEqualTo("2025-12-30T23:59:59.999999999Z");
    }

    @Test
    void submissionAfterTheCutOff_countsFromTheNextBusinessDay() {
        OpenVerificationCase command = WhenAccountApplicationSubmittedThenOpenCase.open(
                received(submitted("acc-2", "GB", Instant.parse("2025-12-24T17:30:00Z"), List.of("doc-1"))),
                calendar,
                Map.of("doc-1", "VAT_CERTIFICATE"));

        assertThat(command.deadline()).isEqualTo("2025-12-31T23:59:59.999999999Z");
    }

    @Test
    void recordWithoutDocumentIds_opensACaseWithNoDocuments() {
        OpenVerificationCase command = WhenAccountApplicationSubmittedThenOpenCase.open(
                received(submitted("acc-3", "DE", Instant.parse("2026-04-02T08:00:00Z"), null)),
                calendar,
                Map.of("doc-1", "VAT_CERTIFICATE"));

        assertThat(command.documents()).isEmpty();
        // Thu 2 April 2026 in Germany: Good Friday and Easter Monday are public holidays -> Wed 8 April, Berlin (UTC+2)
        assertThat(command.deadline()).isEqualTo("2026-04-08T21:59:59.999999999Z");
    }

    @Test
    void documentThatWasNeverUploaded_isKeptWithoutAType_soTheOperatorSeesItMissing() {
        OpenVerificationCase command = WhenAccountApplicationSubmittedThenOpenCase.open(
                received(submitted(
                        "acc-4", "GB", Instant.parse("2025-12-24T10:00:00Z"), List.of("doc-1", "doc-2", "doc-1"))),
                calendar,
                Map.of("doc-1", "VAT_CERTIFICATE"));

        assertThat(command.documents())
                .containsExactly(new EvidenceDocument("doc-1", "VAT_CERTIFICATE"), new EvidenceDocument("doc-2", null));
        assertThat(command.documents().get(1).missing()).isTrue();
    }

    private static AccountApplicationSubmitted submitted(
            String accountId, String country, Instant at, List<String> documentIds) {
        return new AccountApplicationSubmitted(
                accountId,
                "Lumen Studio Ltd",
                new Address("1 High St", "SW1A 1AA", "London", country),
                country,
                "Ada Lumen",
                "ada@lumen.example",
                "en",
                true,
                "GB980780684",
                documentIds,
                false,
                at);
    }

    private static InboundEvent<AccountApplicationSubmitted> received(AccountApplicationSubmitted data) {
        return new InboundEvent<>(
                "evt-1",
                AccountApplicationSubmitted.TYPE,
                "/cps/account-service",
                data.accountId(),
                data.submittedAt(),
                data);
    }
}

package com.canon.cps.verification.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.review.domain.ApproveVerification;
import com.canon.cps.verification.review.domain.RejectVerification;
import com.canon.cps.verification.review.domain.RequestVerificationInfo;
import org.junit.jupiter.api.Test;

class DecisionRequestTest {

    @Test
    void decisions_becomeTheCasesCommands_withTheOperator() {
        assertThat(VerificationCaseController.command("c", new DecisionRequest("APPROVE", null), "op"))
                .isEqualTo(new ApproveVerification("c", "op"));
        assertThat(VerificationCaseController.command("c", new DecisionRequest("REJECT", " Unreadable "), "op"))
                .isEqualTo(new RejectVerification("c", "Unreadable", "op"));
        assertThat(VerificationCaseController.command("c", new DecisionRequest("REQUEST_INFO", "Invoice?"), "op"))
                .isEqualTo(new RequestVerificationInfo("c", "Invoice?", "op", null, null));
        java.time.Instant expires = java.time.Instant.parse("2026-12-18T10:00:00Z");
        assertThat(VerificationCaseController.command(
                        "c", new DecisionRequest("REQUEST_INFO", "Invoice?"), "op", "req-1", expires))
                .as("a request for information gets its link")
                .isEqualTo(new RequestVerificationInfo("c", "Invoice?", "op", "req-1", expires));
    }

    @Test
    void rejectAndRequestInfo_needAReason() {
        assertInvalid(new DecisionRequest("REJECT", null), "reason");
        assertInvalid(new DecisionRequest("REJECT", "   "), "reason");
        assertInvalid(new DecisionRequest("REQUEST_INFO", ""), "reason");
    }

    @Test
    void unknownOrMissingDecision_isInvalid() {
        assertInvalid(null, "decision");
        assertInvalid(new DecisionRequest(null, "x"), "decision");
        assertInvalid(new DecisionRequest("approve", null), "decision");
        assertInvalid(new DecisionRequest("ESCALATE", "x"), "decision");
    }

    @Test
    void overlongReason_isInvalid() {
        assertInvalid(
                new DecisionRequest("REJECT", "x".repeat(VerificationCaseController.MAX_REASON_LENGTH + 1)), "reason");
    }

    private static void assertInvalid(DecisionRequest request, String field) {
        assertThatThrownBy(() -> VerificationCaseController.command("c", request, "op"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(400);
                    assertThat(p.errors())
                            .extracting(ApiProblem.FieldError::field)
                            .containsExactly(field);
                });
    }
}

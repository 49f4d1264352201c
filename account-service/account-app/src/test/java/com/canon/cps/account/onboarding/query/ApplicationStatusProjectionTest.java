package com.canon.cps.account.onboarding.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.onboarding.domain.AccountActivated;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.account.onboarding.domain.AccountInfoProvided;
import com.canon.cps.account.onboarding.domain.AccountInfoRequested;
import com.canon.cps.account.onboarding.domain.AccountOpened;
import com.canon.cps.account.onboarding.domain.AccountRejected;
import com.canon.cps.account.onboarding.domain.PostalAddress;
import com.canon.cps.platform.test.FakeProjectionWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The applicant-facing status, event by event, against an in-memory writer (no Spring, no MongoDB). */
class ApplicationStatusProjectionTest {

    private static final String ACCOUNT = "acc-1";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final ApplicationStatusProjection projection = new ApplicationStatusProjection(writer);

    @Test
    void anApplication_goesFromPendingThroughInfoRequested_toVerifiedAndActive() {
        projection.on(submitted(), 0);
        assertThat(status()).isEqualTo("PENDING_VERIFICATION");

        projection.on(new AccountInfoRequested(ACCOUNT, "case-1", "Please send an invoice", AT), 1);
        assertThat(status()).isEqualTo("INFO_REQUESTED");

        projection.on(new AccountInfoProvided(ACCOUNT, "case-1", AT), 2);
        assertThat(status()).isEqualTo("PENDING_VERIFICATION");

        projection.on(
                new AccountOpened(ACCOUNT, "case-1", "VAT_REGISTRY", "Lumen Studio Ltd", "GB", "en", null, AT), 3);
        assertThat(status()).isEqualTo("VERIFIED");

        projection.on(new AccountActivated(ACCOUNT, "setup-1", AT), 4);
        assertThat(status()).isEqualTo("ACTIVE");
    }

    @Test
    void aRejectedThenErasedApplication_keepsTheStatusOnly() {
        projection.on(submitted(), 0);
        projection.on(new AccountRejected(ACCOUNT, "case-1", "Not a business", AT), 1);
        assertThat(status()).isEqualTo("REJECTED");

        projection.on(new AccountErased(ACCOUNT, "member", "no longer needed", AT), 2);
        assertThat(writer.document(ApplicationStatusView.COLLECTION, ACCOUNT))
                .containsOnlyKeys("status", FakeProjectionWriter.VERSION)
                .containsEntry("status", "ERASED");
    }

    @Test
    void anEventAlreadyReflected_changesNothing() {
        projection.on(submitted(), 0);
        projection.on(new AccountRejected(ACCOUNT, "case-1", "Not a business", AT), 1);

        projection.on(new AccountInfoProvided(ACCOUNT, "case-1", AT), 1); // redelivered or replayed out of order
        assertThat(status()).isEqualTo("REJECTED");
    }

    private Object status() {
        return writer.document(ApplicationStatusView.COLLECTION, ACCOUNT).get("status");
    }

    private static AccountApplicationSubmitted submitted() {
        return new AccountApplicationSubmitted(
                ACCOUNT,
                "Lumen Studio Ltd",
                new PostalAddress("1 High St", "SW1A 1AA", "London", "GB"),
                "Ada Lumen",
                "ada@lumen.example",
                "en",
                true,
                "GB980780684",
                List.of("doc-1"),
                null,
                AT);
    }
}

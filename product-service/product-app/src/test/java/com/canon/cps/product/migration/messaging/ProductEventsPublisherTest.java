package com.canon.cps.product.migration.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.product.migration.domain.LegacyMigrationPrepared;
import com.canon.cps.product.migration.domain.ProductsMigrated;
import com.canon.cps.product.migration.domain.SkippedRegistration;
import com.canon.cps.product.registration.domain.ProductDeregistered;
import com.canon.cps.product.registration.domain.ProductDetailsCompleted;
import com.canon.cps.product.registration.domain.ProductDetailsUpdated;
import com.canon.cps.product.registration.domain.ProductRegistered;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of {@code cps.product.events}: each internal event maps to the contract event whose JSON equals the
 * golden sample of its version (product-contract's {@code META-INF/cps/samples}), and each golden sample still reads
 * into today's record.
 * A failing comparison means the contract changed: additive changes get a new sample field, breaking ones a new
 * {@code .vN}.
 */
class ProductEventsPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNT = "0b6f4d2e-5c1a-4e8b-9f3d-7a2c1e5b8d40";
    private static final String PRODUCT = "c41d7e2f-9a3b-4c5d-8e6f-0a1b2c3d4e5f";

    private final ProductEventsPublisher publisher = new ProductEventsPublisher();

    @Test
    void productRegistered_matchesItsGoldenSample() throws IOException {
        OutboundEvent out = map(new ProductRegistered(
                        PRODUCT,
                        ACCOUNT,
                        "EOS-R5",
                        "EOS R5",
                        "EOS_R_BODY",
                        "2020-07",
                        280,
                        "012345678901",
                        new PurchaseDetails(LocalDate.parse("2024-05-01"), true, "DE", null, false),
                        false,
                        Instant.parse("2026-11-27T09:40:18.004Z")))
                .orElseThrow();

        assertGolden(out, "cps.product.ProductRegistered.v1", "cps.product.ProductRegistered.v1.json");
        assertThat(JSON.readValue(
                        golden("cps.product.ProductRegistered.v1.json"),
                        com.canon.cps.product.contract.ProductRegistered.class))
                .isEqualTo(out.data());
    }

    @Test
    void productDetailsCompleted_matchesItsGoldenSample() throws IOException {
        OutboundEvent out = map(new ProductDetailsCompleted(
                        PRODUCT, ACCOUNT, "EOS-R5", 280, Instant.parse("2026-11-27T09:42:55.610Z")))
                .orElseThrow();

        assertGolden(out, "cps.product.ProductDetailsCompleted.v1", "cps.product.ProductDetailsCompleted.v1.json");
        assertThat(JSON.readValue(
                        golden("cps.product.ProductDetailsCompleted.v1.json"),
                        com.canon.cps.product.contract.ProductDetailsCompleted.class))
                .isEqualTo(out.data());
    }

    @Test
    void productDeregistered_matchesItsGoldenSample() throws IOException {
        OutboundEvent out = map(new ProductDeregistered(
                        PRODUCT, ACCOUNT, "EOS-R5", 280, true, Instant.parse("2026-12-03T16:05:27.391Z")))
                .orElseThrow();

        assertGolden(out, "cps.product.ProductDeregistered.v1", "cps.product.ProductDeregistered.v1.json");
        assertThat(JSON.readValue(
                        golden("cps.product.ProductDeregistered.v1.json"),
                        com.canon.cps.product.contract.ProductDeregistered.class))
                .isEqualTo(out.data());
    }

    @Test
    void productsMigrated_matchesItsGoldenSample_withoutTheSkippedDetails() throws IOException {
        OutboundEvent out = map(new ProductsMigrated(
                        "legacy-migration:" + ACCOUNT,
                        ACCOUNT,
                        List.of("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b", "a9b8c7d6-e5f4-4321-9876-543210fedcba"),
                        List.of(new SkippedRegistration(
                                "EOS-C70", "4711", SkippedRegistration.Reason.REGISTERED_BY_ANOTHER_ACCOUNT)),
                        Instant.parse("2026-11-27T09:35:44.120Z")))
                .orElseThrow();

        assertGolden(out, "cps.product.ProductsMigrated.v1", "cps.product.ProductsMigrated.v1.json");
        assertThat(JSON.readValue(
                        golden("cps.product.ProductsMigrated.v1.json"),
                        com.canon.cps.product.contract.ProductsMigrated.class))
                .isEqualTo(out.data());
    }

    @Test
    void internalOnlyEvents_areNotPublished() {
        Instant t = Instant.parse("2026-11-27T10:00:00Z");

        assertThat(map(new ProductDetailsUpdated(PRODUCT, ACCOUNT, PurchaseDetails.NONE, t)))
                .isEmpty();
        assertThat(map(new LegacyMigrationPrepared("legacy-migration:" + ACCOUNT, ACCOUNT, "old@x.example", t)))
                .as("the old e-mail stays in product-service")
                .isEmpty();
        assertThat(map("something else")).isEmpty();
    }

    private Optional<OutboundEvent> map(Object payload) {
        return publisher.map(GenericEventMessage.asEventMessage(payload));
    }

    private static void assertGolden(OutboundEvent out, String type, String sample) throws IOException {
        assertThat(out.type()).isEqualTo(type);
        assertThat(out.subject()).as("key and ce_subject: the account").isEqualTo(ACCOUNT);
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(out.data()));
        assertThat(actual).isEqualTo(JSON.readTree(golden(sample)));
    }

    private static byte[] golden(String sample) throws IOException {
        try (InputStream in = ProductEventsPublisherTest.class.getResourceAsStream("/META-INF/cps/samples/" + sample)) {
            return in.readAllBytes();
        }
    }
}

package com.canon.cps.billing.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.card.domain.CardChanged;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Billing's events were stored without a revision before they were marked {@code @Revision("1")}: the serializer
 * finds the class by the stored type name alone (the revision matters to upcasters only, and billing has none), so
 * those events still load, as bytes and as the JSON tree the crypto-shredding serializer reads (ADR 23).
 */
class StoredWithoutRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
            .build();

    private static final String PAYMENT_CAPTURED = """
            {"invoiceId":"inv-1","accountId":"acc-1","number":"CPS-GB-2026-000123","amount":102.00,"currency":"GBP",
             "method":"MANUAL","reference":"operator-1","capturedAt":"2026-11-27T10:00:00Z","note":"cheque"}""";

    private static final String INVOICE_PAID = """
            {"invoiceId":"inv-1","accountId":"acc-1","number":"CPS-GB-2026-000123","method":"BANK_TRANSFER",
             "paidOn":"2026-11-27","paidAt":"2026-11-27T10:00:00Z"}""";

    private static final String CARD_CHANGED = """
            {"accountId":"acc-1","requestId":"r-1","cardToken":"tok_new","previousCardToken":null,
             "gatewayReference":"seti_1","changedAt":"2026-11-27T10:00:00Z"}""";

    private <T> T stored(String typeName, String payload) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, new SimpleSerializedType(typeName, null)));
    }

    private <T> T storedAsTree(String typeName, String payload) {
        SerializedObject<JsonNode> tree = serializer
                .getConverter()
                .convert(
                        new SimpleSerializedObject<>(
                                payload.getBytes(StandardCharsets.UTF_8),
                                byte[].class,
                                new SimpleSerializedType(typeName, null)),
                        JsonNode.class);
        return serializer.deserialize(tree);
    }

    @Test
    void aPaymentStoredWithoutRevision_loads_withItsMethodAndExactAmount() {
        PaymentCaptured expected = new PaymentCaptured(
                "inv-1",
                "acc-1",
                "CPS-GB-2026-000123",
                new BigDecimal("102.00"),
                "GBP",
                PaymentMethod.MANUAL,
                "operator-1",
                Instant.parse("2026-11-27T10:00:00Z"),
                "cheque");

        PaymentCaptured fromBytes = stored("com.canon.cps.billing.invoice.domain.PaymentCaptured", PAYMENT_CAPTURED);
        PaymentCaptured fromTree =
                storedAsTree("com.canon.cps.billing.invoice.domain.PaymentCaptured", PAYMENT_CAPTURED);

        assertThat(fromBytes).isEqualTo(expected);
        assertThat(fromTree).isEqualTo(expected);
        assertThat(fromTree.amount().toPlainString()).isEqualTo("102.00");
    }

    @Test
    void anInvoicePaidAndACardChangeStoredWithoutRevision_load() {
        InvoicePaid paid = stored("com.canon.cps.billing.invoice.domain.InvoicePaid", INVOICE_PAID);
        CardChanged changed = storedAsTree("com.canon.cps.billing.card.domain.CardChanged", CARD_CHANGED);

        assertThat(paid)
                .isEqualTo(new InvoicePaid(
                        "inv-1",
                        "acc-1",
                        "CPS-GB-2026-000123",
                        PaymentMethod.BANK_TRANSFER,
                        LocalDate.parse("2026-11-27"),
                        Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(changed)
                .isEqualTo(new CardChanged(
                        "acc-1", "r-1", "tok_new", null, "seti_1", Instant.parse("2026-11-27T10:00:00Z")));
    }

    @Test
    void newEvents_areStoredUnderTheSameTypeName_atRevision1_withTheSameMethodNames() {
        SerializedObject<String> written = serializer.serialize(
                new InvoicePaid(
                        "inv-1",
                        "acc-1",
                        "CPS-GB-2026-000123",
                        PaymentMethod.BANK_TRANSFER,
                        LocalDate.parse("2026-11-27"),
                        Instant.parse("2026-11-27T10:00:00Z")),
                String.class);

        assertThat(written.getType().getName()).isEqualTo("com.canon.cps.billing.invoice.domain.InvoicePaid");
        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat(written.getData()).contains("\"method\":\"BANK_TRANSFER\"");
    }
}

package com.canon.cps.billing;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.membership.contract.Money;
import com.canon.cps.membership.contract.PaymentMethodChangeRequested;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events account-, verification- and membership-service publish, sent as they would send them (CloudEvents
 * binary mode) by one shared producer.
 */
public final class Upstream {

    private Upstream() {}

    /** An application from {@code country}; VAT-liable when {@code vatId} is given. */
    public static void applied(String accountId, String company, String country, String language, String vatId) {
        send(
                "cps.account.events",
                accountId,
                UUID.randomUUID().toString(),
                AccountApplicationSubmitted.TYPE,
                new AccountApplicationSubmitted(
                        accountId,
                        company,
                        new Address("1 High St", "SW1A 1AA", "London", country),
                        country,
                        "Ada Lumen",
                        accountId + "@example.com",
                        language,
                        vatId != null,
                        vatId,
                        List.of("doc-1"),
                        false,
                        Instant.now()));
    }

    /** Verified; {@code registryConfirmedVatId} non-null when a registry confirmed that VAT ID. */
    public static void verified(String accountId, String registryConfirmedVatId) {
        send(
                "cps.verification.events",
                accountId,
                UUID.randomUUID().toString(),
                AccountVerified.TYPE,
                new AccountVerified(
                        accountId,
                        "case-" + accountId,
                        registryConfirmedVatId == null ? "OPERATOR" : "REGISTRY_POLICY",
                        registryConfirmedVatId == null
                                ? null
                                : new RegistryEvidence("VIES", registryConfirmedVatId, "WAPIAAAAW1", Instant.now()),
                        Instant.now()));
    }

    /** A first-term order; returns the record's {@code ce_id}. */
    public static String ordered(
            String accountId,
            String subscriptionId,
            String amount,
            String currency,
            String method,
            String cardToken,
            String purchaseOrderNumber,
            LocalDate startsOn) {
        String ceId = UUID.randomUUID().toString();
        ordered(ceId, accountId, subscriptionId, amount, currency, method, cardToken, purchaseOrderNumber, startsOn);
        return ceId;
    }

    public static void ordered(
            String ceId,
            String accountId,
            String subscriptionId,
            String amount,
            String currency,
            String method,
            String cardToken,
            String purchaseOrderNumber,
            LocalDate startsOn) {
        send(
                "cps.membership.events",
                accountId,
                ceId,
                SubscriptionOrdered.TYPE,
                new SubscriptionOrdered(
                        accountId,
                        subscriptionId,
                        "SILVER",
                        new Money(amount, currency),
                        "P1Y",
                        startsOn,
                        true,
                        purchaseOrderNumber,
                        "2024-01",
                        method,
                        cardToken,
                        false,
                        Instant.now()));
    }

    /** The member gave a new card (membership's request); returns the request id. */
    public static String cardChangeRequested(String accountId, String cardToken, String currency) {
        String requestId = UUID.randomUUID().toString();
        send(
                "cps.membership.events",
                accountId,
                UUID.randomUUID().toString(),
                PaymentMethodChangeRequested.TYPE,
                new PaymentMethodChangeRequested(
                        accountId, "417305962", requestId, "CARD", cardToken, currency, Instant.now()));
        return requestId;
    }

    public static void flush() {
        KafkaTestClient.flush();
    }

    private static void send(String topic, String key, String ceId, String type, Object data) {
        KafkaTestClient.publish(topic, key, ceId, type, HttpTestClient.json(data));
    }
}

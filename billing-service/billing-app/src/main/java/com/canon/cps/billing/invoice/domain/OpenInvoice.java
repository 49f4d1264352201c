package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order to invoice (from membership's SubscriptionOrdered); a second one for the same subscription changes nothing. */
public record OpenInvoice(
        @TargetAggregateIdentifier String invoiceId,
        String accountId,
        String subscriptionId,
        String tier,
        String term,
        LocalDate termStartsOn,
        String currency,
        BigDecimal net,
        String purchaseOrderNumber,
        PaymentMethod paymentMethod,
        String cardToken,
        boolean renewal,
        Instant orderedAt,
        Buyer buyer) {}

package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The order to invoice arrived, with the buyer as known then; internal (not published). */
@Revision("1")
public record InvoiceOpened(
        String invoiceId,
        String accountId,
        String subscriptionId,
        String tier,
        String term,
        LocalDate termStartsOn,
        String currency,
        BigDecimal net,
        @PersonalData String purchaseOrderNumber,
        PaymentMethod paymentMethod,
        @PersonalData String cardToken,
        boolean renewal,
        Instant orderedAt,
        Buyer buyer,
        Instant openedAt)
        implements InvoiceEvent {

    public InvoiceOpened {
        net = Cents.of(net);
    }
}

package com.canon.cps.billing.invoice.domain;

/**
 * Internal events of an invoice (never published as they are: the publisher maps some of them to billing's contract
 * events). Each is a record with a revision, stored in Axon's event store.
 */
sealed interface InvoiceEvent
        permits InvoiceOpened,
                CardVerified,
                CardVerificationFailed,
                InvoiceIssued,
                PaymentCaptured,
                PaymentFailed,
                InvoiceCardReplaced,
                InvoiceDunningExhausted,
                CreditNoteIssued,
                RefundRequested,
                PaymentRefunded,
                PaymentRefundFailed,
                InvoicePaid,
                InvoiceOverdue {

    String invoiceId();

    String accountId();
}

package com.canon.cps.billing.payment;

import java.math.BigDecimal;

/**
 * Port to the card payment gateway (a Stripe-like outside party): zero-amount card verification, off-session charges
 * and refunds of charges. Cards are only ever known by the gateway's token; a card number never reaches us.
 *
 * <p>Every call carries an idempotency key, and the gateway honours it durably: the same key with the same request
 * returns the first answer without a second effect (no second charge), the same key with a different request is
 * refused with an {@link IllegalArgumentException}. So a caller that does not know whether a call took effect
 * (timeout, lost response, {@link PaymentGatewayUnavailableException}) simply asks again later with the <em>same</em>
 * key. Business outcomes (declined, authentication required, invalid token) are {@link GatewayResult results}, never
 * exceptions.
 *
 * <p>The application uses {@link ResilientPaymentGateway} (time limit, retry, circuit breaker, bulkhead); adapters
 * signal a transient fault by throwing {@link PaymentGatewayUnavailableException}.
 */
public interface PaymentGateway {

    /** Zero-amount card verification (no money moves). */
    GatewayResult verifyCard(String cardToken, String currency, String idempotencyKey);

    /** Off-session charge of amount (2 decimals) in currency. */
    GatewayResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * Pays {@code amount} (2 decimals, at most what the charge took less what was refunded of it) of an approved
     * charge back to its card. {@code chargeReference} is the charge's {@link GatewayResult#gatewayReference()}.
     * APPROVED when the gateway accepted the refund; DECLINED when it refuses it (more than is left of the charge, the
     * charge refunded or disputed already); INVALID_TOKEN when it knows no such charge.
     */
    GatewayResult refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey);
}

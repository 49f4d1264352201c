/**
 * Stripe behind the {@link com.canon.cps.billing.payment.PaymentGateway} port ({@code
 * cps.billing.payment-gateway.adapter=stripe}): the zero-amount verification is a SetupIntent, the charge on the due
 * date an off-session PaymentIntent, both created with our idempotency key as Stripe's {@code Idempotency-Key} and
 * remembered by that key, so a retry after any fault asks about the same intent instead of creating a second one.
 * Asynchronous outcomes arrive as signature-checked webhooks; the member's card step is a Stripe Checkout Session in
 * setup mode, which hands the portal a token of ours, exactly as the simulator's hosted card form does.
 */
package com.canon.cps.billing.payment.stripe;

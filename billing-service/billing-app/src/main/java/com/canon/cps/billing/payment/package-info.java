/**
 * The card payment gateway behind a port: {@link com.canon.cps.billing.payment.PaymentGateway}, used for the
 * zero-amount card verification at checkout and the off-session charge on the due date. A local simulator plays the
 * gateway (test tokens, durable idempotency keys, fault injection, and a hosted card form that turns test cards into
 * tokens, so card numbers never enter our pages); every call goes through Resilience4j (time limit,
 * retry with the same idempotency key, circuit breaker, bulkhead). Declines are answers; only a transient fault
 * becomes a {@link com.canon.cps.billing.payment.PaymentGatewayUnavailableException}, after which the caller asks
 * again later with the same key.
 */
package com.canon.cps.billing.payment;

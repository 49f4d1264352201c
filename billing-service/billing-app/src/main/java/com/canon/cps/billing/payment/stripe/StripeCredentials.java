package com.canon.cps.billing.payment.stripe;

/**
 * The Stripe keys of this deployment, read from the environment or a secret file at start (never from the
 * repository, never logged).
 *
 * @param secretKey the secret API key ({@code sk_...})
 * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_...})
 */
public record StripeCredentials(String secretKey, String webhookSecret) {

    @Override
    public String toString() {
        return "StripeCredentials[secretKey=***, webhookSecret=***]";
    }
}

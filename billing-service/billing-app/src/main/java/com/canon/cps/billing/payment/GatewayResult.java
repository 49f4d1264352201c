package com.canon.cps.billing.payment;

import java.util.Objects;

/**
 * The gateway's answer to one operation.
 *
 * @param outcome what the gateway decided
 * @param gatewayReference the gateway's identifier of the operation (Stripe: the SetupIntent {@code seti_...} of a card
 *     verification, the PaymentIntent {@code pi_...} of a charge; the simulator: {@code seti_...}, {@code ch_...}), kept
 *     as evidence; {@code null} when the gateway created nothing (invalid token)
 * @param message the gateway's human-readable explanation, for operators and logs (never contains card data)
 */
public record GatewayResult(GatewayOutcome outcome, String gatewayReference, String message) {

    public GatewayResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether the card was verified or the money charged. */
    public boolean approved() {
        return outcome == GatewayOutcome.APPROVED;
    }
}

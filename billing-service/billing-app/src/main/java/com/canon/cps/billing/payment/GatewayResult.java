package com.canon.cps.billing.payment;

import java.util.Objects;

/**
 * The gateway's answer to one operation.
 *
 * @param outcome what the gateway decided
 * @param gatewayReference the gateway's identifier of the operation ({@code seti_...} for a card verification,
 *     {@code ch_...} for a charge), kept as evidence; {@code null} when the gateway created nothing (invalid token)
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

package com.canon.cps.billing.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway's answer to the zero-amount verification of change {@code requestId}. */
public record RecordCardChangeVerification(
        @TargetAggregateIdentifier String cardOnFileId,
        String requestId,
        boolean approved,
        String outcome,
        String gatewayReference) {

    public static RecordCardChangeVerification of(
            String accountId, String requestId, boolean approved, String outcome, String gatewayReference) {
        return new RecordCardChangeVerification(
                CardOnFile.idOf(accountId), requestId, approved, outcome, gatewayReference);
    }
}

package com.canon.cps.billing.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * membership asked for change {@code requestId}: verify {@code cardToken} and make it the account's card.
 *
 * @param cardOnFileId {@link CardOnFile#idOf} the account
 * @param currency the membership's currency, for the zero-amount verification
 */
public record RequestCardChange(
        @TargetAggregateIdentifier String cardOnFileId,
        String accountId,
        String requestId,
        String cardToken,
        String currency) {

    public RequestCardChange(String accountId, String requestId, String cardToken, String currency) {
        this(CardOnFile.idOf(accountId), accountId, requestId, cardToken, currency);
    }
}

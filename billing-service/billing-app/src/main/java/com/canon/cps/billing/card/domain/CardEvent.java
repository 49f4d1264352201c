package com.canon.cps.billing.card.domain;

/** Internal events of an account's card on file; the publisher maps them to billing's contract events. */
sealed interface CardEvent permits CardChangeRequested, CardChanged, CardChangeDeclined {

    String accountId();

    String requestId();
}

package com.canon.cps.sample.card.domain;

/** Internal events of a card; the publisher maps some of them to the published contract. */
public sealed interface CardEvent
        permits CountryRecorded,
                PointsRecorded,
                CardIssued,
                CardActivated,
                AutoRenewalChanged,
                CardRenewed,
                CardExpired {

    String accountId();
}

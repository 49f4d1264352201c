package com.canon.cps.points.ledger.domain;

/** Internal events of a points ledger; the publisher maps balance changes and the threshold to contract events. */
sealed interface LedgerEvent
        permits ProductTracked, ProductPointsCounted, ProductRemovedFromLedger, InvitationThresholdReached {
    String accountId();
}

package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.VerificationApi;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How a case stands against its 2-business-day deadline, for the queue's highlighting: breached (the deadline
 * passed, or verification-service raised the breach), due today (in Central European time, where the team works),
 * or in time. Decided cases have none.
 */
enum SlaState {
    BREACHED,
    DUE_TODAY,
    IN_TIME,
    DECIDED;

    private static final ZoneId TEAM = ZoneId.of("Europe/Brussels");

    static SlaState of(VerificationApi.Case c, Clock clock) {
        if (!c.open()) {
            return DECIDED;
        }
        if (Boolean.TRUE.equals(c.slaBreached())
                || (c.deadline() != null && c.deadline().isBefore(clock.instant()))) {
            return BREACHED;
        }
        if (c.deadline() != null
                && !LocalDate.ofInstant(c.deadline(), TEAM).isAfter(LocalDate.ofInstant(clock.instant(), TEAM))) {
            return DUE_TODAY;
        }
        return IN_TIME;
    }
}

package com.canon.cps.verification.review.web;

import java.time.Instant;
import java.time.LocalDate;

/**
 * By when an application submitted at {@code submittedAt} from {@code country} is decided.
 *
 * @param deadline the SLA deadline its case gets: the last instant of {@code decisionDue} in the country's time zone
 * @param decisionDue the local date of the deadline in the applicant's country
 */
record DecisionDue(String country, Instant submittedAt, Instant deadline, LocalDate decisionDue) {}

/**
 * Published contract of verification-service: the events on {@code cps.verification.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.verification.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.verification.contract;

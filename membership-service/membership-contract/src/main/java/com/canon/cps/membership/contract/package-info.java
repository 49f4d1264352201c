/**
 * Published contract of membership-service: the events on {@code cps.membership.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.membership.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.membership.contract;

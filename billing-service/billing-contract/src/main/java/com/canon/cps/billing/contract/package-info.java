/**
 * Published contract of billing-service: the events on {@code cps.billing.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.billing.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.billing.contract;

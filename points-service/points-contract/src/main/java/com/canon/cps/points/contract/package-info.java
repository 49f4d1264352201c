/**
 * Published contract of points-service: the events on {@code cps.points.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.points.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.points.contract;

/**
 * Published contract of notification-service: the events on {@code cps.notification.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.notification.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.notification.contract;

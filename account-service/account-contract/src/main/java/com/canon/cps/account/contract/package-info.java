/**
 * Published contract of account-service: the events on {@code cps.account.events} (key = account id), CloudEvents
 * binary mode, {@code ce_type = cps.account.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.account.contract;

/**
 * Published contract of product-service: the events on {@code cps.product.events} (key = account id), CloudEvents binary
 * mode, {@code ce_type = cps.product.<Name>.v<N>}. JDK-only records; consumers ignore unknown fields.
 */
package com.canon.cps.product.contract;

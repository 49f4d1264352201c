/**
 * The claimed serial numbers ({@code product_serial_claim}): one row per model and normalised serial number, written
 * in the same PostgreSQL transaction as the events that give the serial number, so exactly one of two concurrent
 * claims commits.
 */
package com.canon.cps.product.registration.store;

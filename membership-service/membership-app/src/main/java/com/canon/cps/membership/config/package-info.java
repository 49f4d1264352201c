/**
 * The service's typed settings ({@code cps.membership.*}): tiers, price book, currencies, term, renewal lead time,
 * terms versions and the VAT values of the price preview.
 */
package com.canon.cps.membership.config;

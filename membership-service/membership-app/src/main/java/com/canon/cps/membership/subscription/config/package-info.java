/**
 * Wiring of the subscription feature: the offer the aggregate decides with and the VAT rule of the price preview,
 * both built from the settings.
 */
package com.canon.cps.membership.subscription.config;

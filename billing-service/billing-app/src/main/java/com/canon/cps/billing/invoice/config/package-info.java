/**
 * Wiring of the invoice feature: the terms the invoice aggregate issues under, built from the settings.
 */
package com.canon.cps.billing.invoice.config;

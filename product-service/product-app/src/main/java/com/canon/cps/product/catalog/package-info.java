/**
 * The product catalogue: the Canon models that can be registered and the points each earns, as versioned
 * configuration data with effective dates ({@code catalog/catalog-v*.yml}). The version in force on the business
 * clock serves {@code GET /api/catalog} and prices new registrations; a registration keeps the points it was
 * registered with, so a new version never changes existing registrations.
 */
package com.canon.cps.product.catalog;

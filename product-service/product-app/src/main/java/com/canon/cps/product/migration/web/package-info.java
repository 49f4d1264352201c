/**
 * The migration API: the operators' import of the legacy export and the member's MIGRATE PRODUCTS, with
 * {@code LegacyMigrations}, which registers every copy and records the migration in one transaction.
 */
package com.canon.cps.product.migration.web;

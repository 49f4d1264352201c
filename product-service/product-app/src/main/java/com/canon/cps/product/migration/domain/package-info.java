/**
 * The {@code LegacyMigration} aggregate (one per account): the old CPS e-mail the member gave and proved, and the
 * migration itself, which happens at most once. No Spring here.
 */
package com.canon.cps.product.migration.domain;

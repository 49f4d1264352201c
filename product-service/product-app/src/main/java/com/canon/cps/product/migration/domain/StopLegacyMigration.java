package com.canon.cps.product.migration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The account was erased (GDPR Art. 17, account-service's {@code AccountErased}): a migration not yet done never
 * happens. Idempotent; creates the migration when product-service has not heard of the account yet, so that an
 * {@code AccountOpened} or a confirmation arriving later brings nothing back.
 */
public record StopLegacyMigration(@TargetAggregateIdentifier String migrationId, String accountId, Instant stoppedAt) {}

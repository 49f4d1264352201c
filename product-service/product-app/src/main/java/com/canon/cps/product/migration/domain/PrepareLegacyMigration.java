package com.canon.cps.product.migration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The account was opened: remember the old CPS e-mail it gave (or that it gave none). Idempotent: a redelivered
 * {@code AccountOpened} changes nothing.
 *
 * @param legacyEmail the old CPS e-mail, lower case; {@code null} when none was given
 */
public record PrepareLegacyMigration(
        @TargetAggregateIdentifier String migrationId, String accountId, String legacyEmail, Instant openedAt) {}

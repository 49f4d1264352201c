package com.canon.cps.product.migration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member proved that it owns its old CPS e-mail (account-service's {@code LegacyEmailConfirmed}): only now may
 * the registrations imported under it be migrated. Idempotent; ignored once the products were migrated.
 *
 * @param legacyEmail the proven old CPS e-mail, lower case
 */
public record ConfirmLegacyEmail(
        @TargetAggregateIdentifier String migrationId, String accountId, String legacyEmail, Instant confirmedAt) {}

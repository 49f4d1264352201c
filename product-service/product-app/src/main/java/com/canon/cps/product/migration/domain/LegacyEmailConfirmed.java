package com.canon.cps.product.migration.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account's old CPS e-mail is proven: MIGRATE PRODUCTS becomes available for the registrations imported under it. */
@Revision("1")
public record LegacyEmailConfirmed(
        String migrationId, String accountId, @PersonalData String legacyEmail, Instant confirmedAt)
        implements MigrationEvent {}

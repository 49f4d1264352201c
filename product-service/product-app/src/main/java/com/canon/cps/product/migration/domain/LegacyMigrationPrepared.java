package com.canon.cps.product.migration.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** product-service knows the account, and the old CPS e-mail it gave ({@code null}: none, no migration possible). */
@Revision("1")
public record LegacyMigrationPrepared(
        String migrationId, String accountId, @PersonalData String legacyEmail, Instant openedAt)
        implements MigrationEvent {}

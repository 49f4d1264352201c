package com.canon.cps.product.registration.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The registration is still incomplete a reminder period after it was made; at most once per registration. */
@Revision("1")
public record ProductStillIncomplete(
        String productId,
        String accountId,
        String modelCode,
        String modelName,
        List<MissingDetail> missingDetails,
        int points,
        Instant registeredAt,
        Instant remindedAt)
        implements ProductEvent {}

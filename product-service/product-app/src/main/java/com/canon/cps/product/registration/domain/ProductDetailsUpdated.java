package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The purchase details changed; {@code details} are all of them after the change. */
@Revision("1")
public record ProductDetailsUpdated(String productId, String accountId, PurchaseDetails details, Instant updatedAt)
        implements ProductEvent {}

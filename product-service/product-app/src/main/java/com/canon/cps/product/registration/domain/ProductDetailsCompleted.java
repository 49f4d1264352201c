package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The last missing detail was given (follows the {@link ProductDetailsUpdated} that gave it): from now on the
 * product earns its points. Raised at most once per registration; a registration complete from the start has none.
 */
@Revision("1")
public record ProductDetailsCompleted(
        String productId, String accountId, String modelCode, int points, Instant completedAt)
        implements ProductEvent {}

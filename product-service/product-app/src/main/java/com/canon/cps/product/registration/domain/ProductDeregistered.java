package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The registration was removed; {@code wasComplete} tells whether its points had been earned. */
@Revision("1")
public record ProductDeregistered(
        String productId, String accountId, String modelCode, int points, boolean wasComplete, Instant deregisteredAt)
        implements ProductEvent {}

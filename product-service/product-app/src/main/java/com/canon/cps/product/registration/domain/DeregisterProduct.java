package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a registration; its points stop counting and its serial number is free again. */
public record DeregisterProduct(
        @TargetAggregateIdentifier String productId, String accountId, Instant deregisteredAt) {}

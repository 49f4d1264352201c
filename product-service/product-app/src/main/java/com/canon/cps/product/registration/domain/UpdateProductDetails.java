package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives or corrects purchase details; {@code accountId} is the requesting member's, from its token. */
public record UpdateProductDetails(
        @TargetAggregateIdentifier String productId, String accountId, DetailsChange change, Instant updatedAt) {}

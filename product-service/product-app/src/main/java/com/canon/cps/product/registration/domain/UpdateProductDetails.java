package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives or corrects purchase details, and gives the serial number of a registration made without one;
 * {@code accountId} is the requesting member's, from its token.
 *
 * @param serialNumber the serial number as typed (trimmed), or null when not given; the caller has claimed it in the
 *     same transaction
 */
public record UpdateProductDetails(
        @TargetAggregateIdentifier String productId,
        String accountId,
        DetailsChange change,
        String serialNumber,
        Instant updatedAt) {

    public UpdateProductDetails(String productId, String accountId, DetailsChange change, Instant updatedAt) {
        this(productId, accountId, change, null, updatedAt);
    }
}

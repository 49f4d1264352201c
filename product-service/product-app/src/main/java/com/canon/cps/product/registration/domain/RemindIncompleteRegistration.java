package com.canon.cps.product.registration.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reminder period after the registration has passed: remind the member if it is still incomplete. */
public record RemindIncompleteRegistration(
        @TargetAggregateIdentifier String productId) {}

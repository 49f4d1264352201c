/**
 * The {@code CardOnFile} aggregate (one per account): its commands and internal events (the sealed
 * {@code CardEvent}).
 */
package com.canon.cps.billing.card.domain;

/**
 * The points ledger: per account, which products it knows from {@code cps.product.events}, which of them count
 * (complete and not deregistered) and the balance they make. The {@code PointsLedger} aggregate is idempotent per
 * product and state, so duplicated, redelivered or re-ordered product events never count a product twice; it raises
 * the invitation threshold once. Every balance change is published as {@code PointsBalanceChanged}; the member's
 * view ({@code GET /api/points}) is a projection.
 */
package com.canon.cps.points.ledger;

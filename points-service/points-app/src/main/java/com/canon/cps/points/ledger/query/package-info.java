/**
 * The member's read models in MongoDB: the balance ({@code points_balances}), the history ({@code points_history}) and
 * the products that count ({@code points_products}), their projections and queries.
 */
package com.canon.cps.points.ledger.query;

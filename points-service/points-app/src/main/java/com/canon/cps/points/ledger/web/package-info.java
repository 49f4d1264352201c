/**
 * The member's points API ({@code GET /api/points}, history and products), read from the projections.
 */
package com.canon.cps.points.ledger.web;

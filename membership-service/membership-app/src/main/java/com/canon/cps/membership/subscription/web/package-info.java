/**
 * The member's membership API ({@code /api/membership}): dashboard, tiers, price preview, checkout, subscription
 * switches and a new card, with the problem details of refused commands.
 */
package com.canon.cps.membership.subscription.web;

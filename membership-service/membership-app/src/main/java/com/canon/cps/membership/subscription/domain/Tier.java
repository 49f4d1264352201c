package com.canon.cps.membership.subscription.domain;

/**
 * A CPS tier.
 *
 * @param business a business tier (Business A/B/C) rather than an individual one (Silver/Gold/Platinum)
 * @param minPoints the points balance from which the tier can be bought
 */
public record Tier(String code, String name, int minPoints, boolean business) {

    public boolean availableWith(int points) {
        return points >= minPoints;
    }
}

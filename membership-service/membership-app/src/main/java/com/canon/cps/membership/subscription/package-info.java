/**
 * CPS membership of an account. Points and account events (in {@code messaging}) record the account's market and
 * points balance and invite it at the threshold; the member picks a tier (configured tiers and price book per
 * currency), checks out and is ACTIVE at once with a new 9-digit number ({@link
 * com.canon.cps.membership.subscription.store.MembershipNumbers}). Each term gets persistent deadlines on the business clock
 * ({@code policy}): with auto-renewal the next term is ordered ahead of the expiry and starts the day after it;
 * without, the membership expires.
 *
 * <ul>
 *   <li>{@code domain}: the {@code Membership} aggregate, its commands, internal events and the offer it decides
 *       with (no Spring, Kafka, Mongo or Jackson);
 *   <li>{@code policy}: event → deadline and deadline → command, in a subscribing processor so a deadline is stored
 *       in the transaction of the event that causes it;
 *   <li>{@code messaging}: contract events in (account, billing, points, verification) and out (membership);
 *   <li>{@code query}, {@code web}: the member's dashboard, tiers, checkout and subscription switch;
 *   <li>{@code store}: the membership number series and the buyers' VAT facts (JDBC tables);
 *   <li>{@code config}: the offer and the VAT rule built from the settings;
 *   <li>{@code upcasting}: events stored in an earlier shape or package.
 * </ul>
 */
package com.canon.cps.membership.subscription;

/**
 * The member's dashboard read model ({@code memberships} in MongoDB, processing group {@code memberships}) and its
 * queries.
 */
package com.canon.cps.membership.subscription.query;

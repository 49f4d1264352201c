package com.canon.cps.membership.membership.web;

/**
 * The dashboard: {@code status} is {@code NONE | INVITED | ACTIVE | EXPIRED}; {@code expiresDisplay} is the expiry
 * as the dashboard prints it ({@code dd/MM/yyyy}).
 */
record MembershipResponse(
        String status,
        String tier,
        String tierName,
        String membershipNumber,
        String startsOn,
        String expiresOn,
        String expiresDisplay,
        Boolean autoRenew) {}

/**
 * The read side of the Business Account: the applicant's status view, the member's own account, and the operators'
 * member search, each a projection of the account's events with its queries.
 */
package com.canon.cps.account.onboarding.query;

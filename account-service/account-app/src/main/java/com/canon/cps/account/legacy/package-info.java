/**
 * The old CPS e-mail, proven. The address an applicant gives (when applying, or later as a member) must be proven
 * before product-service migrates the products registered under it: a six-digit code goes to that old address
 * ({@code LegacyEmailCodeIssued}; the first one when the account is activated), and the member types it in. The code
 * is derived from its non-secret issue id with the link key; only a keyed hash is stored ({@code legacy_email_code}),
 * with the count of wrong tries (at most {@code max-attempts}, then a new code must be asked for). A correct code
 * records {@code LegacyEmailConfirmed}, which product-service waits for.
 */
package com.canon.cps.account.legacy;

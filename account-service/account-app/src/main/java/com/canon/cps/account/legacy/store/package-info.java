/**
 * The issued codes for old CPS e-mails ({@code legacy_email_code}): a hash, its expiry and the wrong tries, written
 * from {@code LegacyEmailCodeIssued} by a subscribing processor.
 */
package com.canon.cps.account.legacy.store;

/**
 * MY ACCOUNT: the signed-in member changes its own account. Contact name, language and address apply at once
 * ({@code AccountDetailsChanged}); the country stays the one the account was verified for. A new contact e-mail (also
 * the login name) applies only when the single-use, expiring link mailed to the new address is used
 * ({@code ContactEmailChangeRequested} → {@code ContactEmailChanged}); its token is derived like the password links
 * (ADR 5), only its hash is stored ({@code contact_email_link}), and the address must not belong to another account
 * (409, the one place that tells). A change of company name or VAT ID goes to verification-service as a case
 * ({@code CompanyChangeRequested}) and applies when it is approved.
 */
package com.canon.cps.account.profile;

/**
 * The Business Account, from application to activation: a business applies with its company data, contact and
 * evidence; verification-service's outcomes ({@code cps.verification.events}) open it (with one password-setup link),
 * reject it or ask for more information; setting a password with the link activates it. Event-sourced in the
 * {@code BusinessAccount} aggregate; the applicant reads the status by account id, the member its own account through
 * its token. One account per contact e-mail, enforced by a unique claim written in the same transaction as the
 * application's events.
 */
package com.canon.cps.account.onboarding;

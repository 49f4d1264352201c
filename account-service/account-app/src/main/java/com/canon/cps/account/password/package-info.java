/**
 * Password setup and member credentials. After verification each account has one setup link; its token is derived,
 * never stored: {@code token = base64url(HMAC-SHA256(cps.account.password-token-key, accountId + "\n" + issueId))},
 * where the issue id is the non-secret identifier in the internal {@code PasswordSetupIssued} event. account-service
 * keeps only {@code SHA-256(token)} (table {@code password_setup_link}) to look a presented token up; a link is
 * single-use and expires on the business clock. Setting a password checks the password policy, stores the BCrypt hash
 * in {@code account_credential} and activates the account, all in one transaction. Members log in with these
 * credentials ({@code auth}). A member who forgot the password asks for a reset link ({@code PasswordResetIssued}, same
 * derivation, kept in the same table with purpose {@code RESET}); redeeming it replaces the credential and records
 * {@code PasswordChanged}, which ends every session (ADR 13).
 */
package com.canon.cps.account.password;

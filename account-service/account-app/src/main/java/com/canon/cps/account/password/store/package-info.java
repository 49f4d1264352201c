/**
 * The issued password-setup and reset links, kept as the hashes of their tokens in {@code password_setup_link}: written
 * from the account's {@code PasswordSetupIssued} and {@code PasswordResetIssued} events, read and marked used when a
 * member sets a password with a link.
 */
package com.canon.cps.account.password.store;

/**
 * Applying for a Business Account and reading it over HTTP: the application (validated, its contact e-mail claimed,
 * recorded in one transaction), its status by account id, and the member's own account.
 */
package com.canon.cps.account.onboarding.web;

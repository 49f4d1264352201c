/**
 * Business Account applications: a business applies with its company data, contact and evidence; the application
 * is event-sourced in the {@code BusinessAccount} aggregate and its status is readable by the applicant. One account
 * per contact e-mail, enforced by a unique claim written in the same transaction as the application's events.
 */
package com.canon.cps.account.application;
